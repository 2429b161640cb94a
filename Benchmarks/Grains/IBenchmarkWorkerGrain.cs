using Orleans;
using Orleans.Concurrency;

namespace PiiOrleans.Benchmarks.Grains;

/// <summary>A stateless-worker grain for the pool benchmark.</summary>
public interface IBenchmarkWorkerGrain : IGrainWithStringKey
{
    Task<int> Ping(int value);
}
