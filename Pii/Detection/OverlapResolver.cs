namespace PiiOrleans.Pii.Detection;

/// <summary>
/// Makes results non-overlapping: the higher score wins, then the longer span, then the earlier start, then the entity name
/// (ordinal) so the outcome is deterministic. Output is ordered by start.
/// </summary>
public static class OverlapResolver
{
    private static readonly Comparison<RecognizerResult> Priority = (a, b) =>
    {
        int c = b.Score.CompareTo(a.Score);
        if (c != 0) return c;
        c = b.Length.CompareTo(a.Length);
        if (c != 0) return c;
        c = a.Start.CompareTo(b.Start);
        return c != 0 ? c : string.CompareOrdinal(a.EntityType, b.EntityType);
    };

    /// <summary>Replaces the contents of <paramref name="results"/> by its non-overlapping winners, sorted by start.</summary>
    public static void Resolve(List<RecognizerResult> results)
    {
        if (results.Count < 2) return;
        results.Sort(Priority);
        // Winners so far, ordered by start: a candidate overlaps a winner only if it overlaps its neighbours in that order.
        var starts = new List<int>();
        var ends = new List<int>();
        int kept = 0;
        for (int i = 0; i < results.Count; i++)
        {
            var candidate = results[i];
            int pos = starts.BinarySearch(candidate.Start);
            if (pos < 0) pos = ~pos;
            else continue; // same start as a winner: overlaps
            bool overlaps = (pos > 0 && ends[pos - 1] > candidate.Start) || (pos < starts.Count && starts[pos] < candidate.End);
            if (overlaps) continue;
            starts.Insert(pos, candidate.Start);
            ends.Insert(pos, candidate.End);
            results[kept++] = candidate;
        }
        results.RemoveRange(kept, results.Count - kept);
        results.Sort(static (a, b) => a.Start.CompareTo(b.Start));
    }
}
