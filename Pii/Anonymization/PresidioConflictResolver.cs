using PiiOrleans.Pii.Detection;

namespace PiiOrleans.Pii.Anonymization;

/// <summary>
/// Presidio's anonymizer conflict resolution (its default, "merge similar or contained"), for callers that send their own
/// analyzer results: overlapping spans of the same entity type merge into their union (higher score); a span contained in
/// another, or with the same offsets and a score not above the other's, is dropped; partially overlapping spans of
/// different types are both kept (the rewrite gives the shared characters to the later one, so none stays in clear);
/// finally, spans of one type separated only by spaces merge into one. Output is sorted by start, then end.
/// </summary>
public static class PresidioConflictResolver
{
    /// <summary>The spans of <paramref name="results"/> to rewrite, in text order.</summary>
    public static List<RecognizerResult> Resolve(IReadOnlyList<RecognizerResult> results, string text)
    {
        // A stable sort by (start, end), as Presidio's: among equal offsets the input order decides the tie-breaks below.
        var ordered = results.OrderBy(r => r.Start).ThenBy(r => r.End).ToList();
        var merged = MergeSameType(ordered);
        var kept = DropContained(merged);
        return MergeAcrossSpaces(kept, text);
    }

    // Each result either merges into another overlapping result of its type still in play (which grows to the union,
    // in place, as Presidio mutates it) or is kept. Indices into one array make "in place" exact.
    private static List<RecognizerResult> MergeSameType(List<RecognizerResult> ordered)
    {
        var spans = ordered.ToArray();
        var others = Enumerable.Range(0, spans.Length).ToList();
        var kept = new List<int>(spans.Length);
        for (var i = 0; i < spans.Length; i++)
        {
            others.Remove(i);
            var result = spans[i];
            var target = others.FindIndex(o => spans[o].EntityType == result.EntityType && Intersects(result, spans[o]));
            if (target >= 0)
            {
                var other = spans[others[target]];
                spans[others[target]] = other with
                {
                    Start = Math.Min(result.Start, other.Start),
                    End = Math.Max(result.End, other.End),
                    Score = Math.Max(result.Score, other.Score),
                };
                continue;
            }

            others.Add(i);
            kept.Add(i);
        }

        return [.. kept.Select(i => spans[i])];
    }

    private static List<RecognizerResult> DropContained(List<RecognizerResult> candidates)
    {
        var others = new List<RecognizerResult>(candidates);
        var kept = new List<RecognizerResult>(candidates.Count);
        foreach (var result in candidates)
        {
            others.Remove(result);
            if (others.Any(o => Conflicts(result, o)))
            {
                continue;
            }

            others.Add(result);
            kept.Add(result);
        }

        kept.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        return kept;
    }

    private static List<RecognizerResult> MergeAcrossSpaces(List<RecognizerResult> spans, string text)
    {
        var merged = new List<RecognizerResult>(spans.Count);
        foreach (var span in spans)
        {
            if (merged.Count > 0 && merged[^1] is var previous && previous.EntityType == span.EntityType
                && span.Start > previous.End && OnlySpaces(text.AsSpan(previous.End, span.Start - previous.End)))
            {
                merged[^1] = span with { Start = previous.Start };
                continue;
            }

            merged.Add(span);
        }

        return merged;
    }

    private static bool OnlySpaces(ReadOnlySpan<char> gap) => !gap.ContainsAnyExcept(' ');

    // Touching spans do not intersect: they share no character.
    private static bool Intersects(RecognizerResult a, RecognizerResult b) => Math.Min(a.End, b.End) - Math.Max(a.Start, b.Start) > 0;

    private static bool Conflicts(RecognizerResult result, RecognizerResult other) =>
        result.Start == other.Start && result.End == other.End
            ? result.Score <= other.Score
            : other.Start <= result.Start && other.End >= result.End;
}
