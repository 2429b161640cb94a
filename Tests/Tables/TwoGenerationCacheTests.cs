using PiiOrleans.Pii.Engine;

namespace PiiOrleans.Tests.Tables;

/// <summary>The bounded cache behind the batch workers and the pseudonym store: bounded, and what is in use survives.</summary>
public sealed class TwoGenerationCacheTests
{
    [Fact]
    public void HoldsAtMostTwiceItsCapacityAndKeepsEntriesInUseAcrossRotations()
    {
        var cache = new TwoGenerationCache<int, string>(100);
        cache.Add(-1, "hot");
        for (var i = 0; i < 10_000; i++)
        {
            cache.Add(i, "cold");
            Assert.True(cache.TryGetValue(-1, out var hot)); // used all the time: promoted on every rotation
            Assert.Equal("hot", hot);
            Assert.True(cache.Count <= 200);
        }

        Assert.False(cache.TryGetValue(0, out _)); // not used since: dropped
        Assert.True(cache.TryGetValue(9_999, out _));
        cache.Clear();
        Assert.Equal(0, cache.Count);
    }
}
