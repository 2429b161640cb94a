using PiiOrleans.Pii.Detection;

namespace PiiOrleans.Pii.Anonymization;

/// <summary>
/// Makes analyzer results safe to rewrite: sorted by start and non-overlapping. Overlapping spans are merged into
/// their union (typed by the higher score, then the longer span), so no character is rendered twice (the old job's
/// <c>SSã*</c> bug) and no part of a detected span is left in clear.
/// </summary>
public static class SpanConflictResolver
{
    /// <summary>The resolved spans of <paramref name="results"/> within a text of <paramref name="textLength"/> UTF-16 units.</summary>
    public static List<RecognizerResult> Resolve(IReadOnlyList<RecognizerResult> results, int textLength)
    {
        CheckBounds(results, textLength);
        var sorted = new List<RecognizerResult>(results.Count);
        foreach (var r in results)
        {
            if (r.End > r.Start)
            {
                sorted.Add(r);
            }
        }

        sorted.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var resolved = new List<RecognizerResult>(sorted.Count);
        foreach (var current in sorted)
        {
            if (resolved.Count > 0 && current.Start < resolved[^1].End)
            {
                var previous = resolved[^1];
                var winner = Wins(current, previous) ? current : previous;
                resolved[^1] = winner with
                {
                    Start = previous.Start,
                    End = Math.Max(previous.End, current.End),
                    Score = Math.Max(previous.Score, current.Score),
                };
            }
            else
            {
                resolved.Add(current);
            }
        }

        return resolved;
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when a span lies outside a text of <paramref name="textLength"/> units.</summary>
    public static void CheckBounds(IReadOnlyList<RecognizerResult> results, int textLength)
    {
        foreach (var r in results)
        {
            if (r.Start < 0 || r.End > textLength || r.Start > r.End)
            {
                throw new ArgumentOutOfRangeException(nameof(results),
                    $"A {r.EntityType} span [{r.Start}, {r.End}) lies outside the text of length {textLength}.");
            }
        }
    }

    private static bool Wins(RecognizerResult candidate, RecognizerResult incumbent) =>
        candidate.Score > incumbent.Score || (candidate.Score == incumbent.Score && candidate.Length > incumbent.Length);
}
