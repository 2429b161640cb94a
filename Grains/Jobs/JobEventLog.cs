using System.Text.Json;
using PiiOrleans.Grains.Interfaces.Jobs;

namespace PiiOrleans.Grains.Jobs;

/// <summary>
/// A job's events, numbered from 1 in a ring of fixed capacity: when full, the oldest event is dropped so a job that
/// reports a lot cannot grow without bound. Sequence numbers are never reused. Not thread-safe (the owner locks).
/// </summary>
internal sealed class JobEventLog
{
    private readonly JobEvent[] _ring;
    private int _start;
    private int _count;
    private long _nextSequence = 1;

    public JobEventLog(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _ring = new JobEvent[capacity];
    }

    public int Count => _count;

    /// <summary>The sequence number the next event gets.</summary>
    public long NextSequence => _nextSequence;

    /// <summary>The retained events, oldest first.</summary>
    public List<JobEvent> ToList()
    {
        var list = new List<JobEvent>(_count);
        for (var i = 0; i < _count; i++)
        {
            list.Add(At(i));
        }

        return list;
    }

    /// <summary>A log holding <paramref name="events"/> (oldest first) that numbers new events from <paramref name="nextSequence"/>.</summary>
    public static JobEventLog Restore(int capacity, IReadOnlyList<JobEvent> events, long nextSequence)
    {
        var log = new JobEventLog(capacity);
        foreach (var entry in events.Skip(Math.Max(0, events.Count - capacity)))
        {
            log._ring[log._count++] = entry;
        }

        log._nextSequence = Math.Max(nextSequence, events.Count == 0 ? 1 : events[^1].Sequence + 1);
        return log;
    }

    /// <summary>
    /// Leaves <paramref name="count"/> sequence numbers unused: the next event is numbered after them. Watchers see only a
    /// gap (sequences may have gaps), never a number given twice.
    /// </summary>
    public void Skip(long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _nextSequence += count;
    }

    public JobEvent? Last => _count == 0 ? null : At(_count - 1);

    public JobEvent Append(string kind, DateTimeOffset time, JsonElement data)
    {
        var entry = new JobEvent(_nextSequence++, kind, time, data);
        if (_count == _ring.Length)
        {
            _ring[_start] = entry;
            _start = (_start + 1) % _ring.Length;
        }
        else
        {
            _ring[(_start + _count) % _ring.Length] = entry;
            _count++;
        }

        return entry;
    }

    /// <summary>Drops the newest event (used to coalesce progress); its sequence number stays used.</summary>
    public void RemoveLast()
    {
        if (_count > 0)
        {
            _count--;
            _ring[(_start + _count) % _ring.Length] = null!;
        }
    }

    public IReadOnlyList<JobEvent> After(long afterSequence, int max)
    {
        if (_count == 0 || max <= 0 || At(_count - 1).Sequence <= afterSequence)
        {
            return [];
        }

        // Sequences are increasing but may have gaps (coalesced progress), so search instead of computing the index.
        int low = 0, high = _count - 1;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (At(mid).Sequence > afterSequence)
            {
                high = mid;
            }
            else
            {
                low = mid + 1;
            }
        }

        var take = Math.Min(max, _count - low);
        var result = new JobEvent[take];
        for (var i = 0; i < take; i++)
        {
            result[i] = At(low + i);
        }

        return result;
    }

    private JobEvent At(int index) => _ring[(_start + index) % _ring.Length];
}
