using Orleans;
using Orleans.Concurrency;

namespace PiiOrleans.Benchmarks.Grains;

/// <summary>A grain with a trivial method: the benchmark measures the runtime, not the work.</summary>
public interface IBenchmarkGrain : IGrainWithStringKey
{
    Task<int> Ping(int value);

    /// <summary>Yields once: the turn completes asynchronously, so calls go through the mailbox.</summary>
    Task<int> PingYielding(int value);
}
