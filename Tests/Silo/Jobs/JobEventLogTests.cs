using System.Text.Json;
using PiiOrleans.Grains.Jobs;

namespace PiiOrleans.Tests.Silo.Jobs;

public sealed class JobEventLogTests
{
    private static readonly JsonElement Empty = JsonDocument.Parse("{}").RootElement;

    [Fact]
    public void Events_are_numbered_from_1_and_read_after_a_sequence()
    {
        var log = new JobEventLog(10);
        for (var i = 0; i < 5; i++)
        {
            log.Append("log", DateTimeOffset.UnixEpoch, Empty);
        }

        Assert.Equal([1L, 2, 3, 4, 5], log.After(0, 100).Select(e => e.Sequence));
        Assert.Equal([3L, 4], log.After(2, 2).Select(e => e.Sequence));
        Assert.Empty(log.After(5, 100));
    }

    [Fact]
    public void A_full_log_drops_the_oldest_and_never_reuses_numbers()
    {
        var log = new JobEventLog(3);
        for (var i = 0; i < 7; i++)
        {
            log.Append("progress", DateTimeOffset.UnixEpoch, Empty);
        }

        Assert.Equal(3, log.Count);
        Assert.Equal([5L, 6, 7], log.After(0, 100).Select(e => e.Sequence));
        Assert.Equal([7L], log.After(6, 100).Select(e => e.Sequence));
    }

    [Fact]
    public void Removing_the_last_event_leaves_a_gap_that_reads_skip()
    {
        var log = new JobEventLog(5);
        log.Append("a", DateTimeOffset.UnixEpoch, Empty);
        log.Append("b", DateTimeOffset.UnixEpoch, Empty);
        log.RemoveLast();
        log.Append("c", DateTimeOffset.UnixEpoch, Empty);

        Assert.Equal(["a", "c"], log.After(0, 10).Select(e => e.Kind));
        Assert.Equal([3L], log.After(1, 10).Select(e => e.Sequence));
        Assert.Equal([3L], log.After(2, 10).Select(e => e.Sequence));
    }
}
