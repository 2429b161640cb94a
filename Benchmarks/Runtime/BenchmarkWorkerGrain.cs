using PiiOrleans.Runtime;

namespace PiiOrleans.Benchmarks.Runtime;

/// <summary>Stateless worker (pool of processor-count activations).</summary>
[StatelessWorker]
public sealed class BenchmarkWorkerGrain : Grain, IBenchmarkWorkerGrain
{
    public Task<int> Ping(int value) => Task.FromResult(value);
}
