using Orleans;
using Orleans.Concurrency;

namespace PiiOrleans.Benchmarks.Grains;

/// <summary>Non-reentrant grain counting its calls.</summary>
public sealed class BenchmarkGrain : Grain, IBenchmarkGrain
{
    private int calls;

    public Task<int> Ping(int value) => Task.FromResult(++calls + value - calls);

    public async Task<int> PingYielding(int value)
    {
        await Task.Yield();
        return ++calls + value - calls;
    }
}
