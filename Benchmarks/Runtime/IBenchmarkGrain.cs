using PiiOrleans.Runtime;

namespace PiiOrleans.Benchmarks.Runtime;

/// <summary>A grain with a trivial method: the benchmark measures the runtime, not the work.</summary>
public interface IBenchmarkGrain : IGrainWithStringKey
{
    Task<int> Ping(int value);
}
