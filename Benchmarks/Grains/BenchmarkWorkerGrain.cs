using Orleans;
using Orleans.Concurrency;

namespace PiiOrleans.Benchmarks.Grains;

/// <summary>Stateless worker (pool of processor-count activations).</summary>
[StatelessWorker]
public sealed class BenchmarkWorkerGrain : Grain, IBenchmarkWorkerGrain
{
    public Task<int> Ping(int value) => Task.FromResult(value);
}
