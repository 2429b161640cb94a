namespace PiiOrleans.Pii.Detection.Ner;

/// <summary>
/// Picks one label per word: the most likely sequence (Viterbi over the words' log probabilities) under the rule that an
/// inside label never follows an entity label of another type. Per-word argmax lets B-PER I-ORG split one name into two
/// entities of two types; the path keeps a name's words in one span of one type. An inside label after O still opens a
/// span (as B- would): forbidding it lost more names than it saved boundaries on the dev split.
/// Label sets without begin labels (IO tagging) have no such rule: each word takes its most likely label.
/// </summary>
internal static class NerLabelPath
{
    private const float Floor = 1e-12f;

    /// <param name="sums">Per word, the label probabilities summed over its pieces (word-major).</param>
    /// <param name="wordCount">Number of words.</param>
    /// <param name="labels">The model's labels.</param>
    /// <param name="chosen">Receives the label index per word.</param>
    public static void Choose(ReadOnlySpan<float> sums, int wordCount, NerLabelSet labels, Span<int> chosen)
    {
        var count = labels.Count;
        if (wordCount == 0)
        {
            return;
        }

        if (!HasBeginLabels(labels))
        {
            for (var w = 0; w < wordCount; w++)
            {
                chosen[w] = ArgMax(sums.Slice(w * count, count));
            }

            return;
        }

        Span<double> score = stackalloc double[count];
        Span<double> next = stackalloc double[count];
        var back = System.Buffers.ArrayPool<int>.Shared.Rent(wordCount * count);
        try
        {
            for (var k = 0; k < count; k++)
            {
                score[k] = Math.Log(sums[k] + Floor);
            }

            for (var w = 1; w < wordCount; w++)
            {
                var row = sums.Slice(w * count, count);
                for (var k = 0; k < count; k++)
                {
                    var bestPrevious = -1;
                    var bestScore = double.NegativeInfinity;
                    for (var p = 0; p < count; p++)
                    {
                        if (score[p] > bestScore && Allowed(labels, p, k))
                        {
                            bestScore = score[p];
                            bestPrevious = p;
                        }
                    }

                    back[w * count + k] = bestPrevious;
                    next[k] = bestPrevious < 0 ? double.NegativeInfinity : bestScore + Math.Log(row[k] + Floor);
                }

                next.CopyTo(score);
            }

            var last = ArgMax((ReadOnlySpan<double>)score);
            for (var w = wordCount - 1; w >= 0; w--)
            {
                chosen[w] = last;
                if (w > 0)
                {
                    last = back[w * count + last];
                }
            }
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(back);
        }
    }

    private static bool HasBeginLabels(NerLabelSet labels)
    {
        for (var k = 0; k < labels.Count; k++)
        {
            if (labels.Begins[k])
            {
                return true;
            }
        }

        return false;
    }

    // An inside label: an entity label that does not begin a span.
    private static bool IsInside(NerLabelSet labels, int k) => labels.Entities[k] is not null && !labels.Begins[k];

    private static bool Allowed(NerLabelSet labels, int previous, int current) =>
        !IsInside(labels, current) || labels.Entities[previous] is null || labels.Entities[previous] == labels.Entities[current];

    private static int ArgMax<T>(ReadOnlySpan<T> row)
        where T : System.Numerics.INumber<T>
    {
        var best = 0;
        for (var k = 1; k < row.Length; k++)
        {
            if (row[k] > row[best])
            {
                best = k;
            }
        }

        return best;
    }
}
