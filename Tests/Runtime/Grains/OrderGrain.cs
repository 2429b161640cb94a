using PiiOrleans.Runtime;

namespace PiiOrleans.Tests.Runtime.Grains;

/// <summary>Remembers the order calls arrived in.</summary>
public sealed class OrderGrain : Grain, IOrderGrain
{
    private readonly List<int> recorded = [];

    public async Task Record(int value)
    {
        recorded.Add(value);
        if (value % 7 == 0)
        {
            await Task.Yield();
        }
    }

    public Task<int[]> Recorded() => Task.FromResult(recorded.ToArray());
}
