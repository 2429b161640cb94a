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
        int kept = 0;
        for (int i = 0; i < results.Count; i++)
        {
            var candidate = results[i];
            bool overlaps = false;
            for (int k = 0; k < kept; k++)
            {
                var winner = results[k];
                if (candidate.Start < winner.End && winner.Start < candidate.End) { overlaps = true; break; }
            }
            if (!overlaps) results[kept++] = candidate;
        }
        results.RemoveRange(kept, results.Count - kept);
        results.Sort(static (a, b) => a.Start.CompareTo(b.Start));
    }
}
