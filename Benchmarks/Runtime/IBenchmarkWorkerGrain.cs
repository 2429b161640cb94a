using PiiOrleans.Runtime;

namespace PiiOrleans.Benchmarks.Runtime;

/// <summary>A stateless-worker grain for the pool benchmark.</summary>
public interface IBenchmarkWorkerGrain : IGrainWithStringKey
{
    Task<int> Ping(int value);
}
