using System.Buffers;

namespace PiiOrleans.Pii.Detection.Ner;

/// <summary>
/// Turns per-token label probabilities into entity spans: sub-word probabilities are averaged per word, each word takes
/// its label on the most likely valid B-/I- path (<see cref="NerLabelPath"/>), B-/I- (or IO) labels form spans, and spans of one type are joined across in-word punctuation
/// such as O'Brien, Jean-Luc or J.R. when nothing but that punctuation separates them.
/// </summary>
internal static class NerSpanDecoder
{
    public static void Decode(string text, ReadOnlySpan<WordPieceToken> tokens, ReadOnlySpan<float> probs, NerLabelSet labels, double minScore, List<NerSpan> spans)
    {
        var labelCount = labels.Count;
        var wordCount = 0;
        for (var k = 0; k < tokens.Length; k++)
        {
            if (k == 0 || tokens[k].Word != tokens[k - 1].Word)
            {
                wordCount++;
            }
        }

        // Per word: the summed piece probabilities, where its pieces start, and the label the path gives it.
        var sums = ArrayPool<float>.Shared.Rent(Math.Max(1, wordCount * labelCount));
        var firstToken = ArrayPool<int>.Shared.Rent(wordCount + 1);
        var chosen = ArrayPool<int>.Shared.Rent(Math.Max(1, wordCount));
        try
        {
            var w = -1;
            for (var k = 0; k < tokens.Length; k++)
            {
                if (k == 0 || tokens[k].Word != tokens[k - 1].Word)
                {
                    w++;
                    firstToken[w] = k;
                    sums.AsSpan(w * labelCount, labelCount).Clear();
                }

                var row = probs.Slice(k * labelCount, labelCount);
                var sum = sums.AsSpan(w * labelCount, labelCount);
                for (var j = 0; j < labelCount; j++)
                {
                    sum[j] += row[j];
                }
            }

            firstToken[wordCount] = tokens.Length;
            NerLabelPath.Choose(sums.AsSpan(0, wordCount * labelCount), wordCount, labels, chosen.AsSpan(0, wordCount));
            DecodeWords(text, tokens, sums, firstToken, chosen, wordCount, labels, minScore, spans);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(sums);
            ArrayPool<int>.Shared.Return(firstToken);
            ArrayPool<int>.Shared.Return(chosen);
        }
    }

    private static void DecodeWords(string text, ReadOnlySpan<WordPieceToken> tokens, float[] sums, int[] firstToken, int[] chosen, int wordCount,
        NerLabelSet labels, double minScore, List<NerSpan> spans)
    {
        var labelCount = labels.Count;
        string? currentType = null;
        int spanStart = 0, spanEnd = 0, spanWords = 0;
        double spanScore = 0;
        var pendingPunctuation = -1; // start offset of in-word punctuation that may join two parts of a name

        for (var w = 0; w < wordCount; w++)
        {
            var first = firstToken[w];
            var t = firstToken[w + 1];
            var wordProbs = sums.AsSpan(w * labelCount, labelCount);
            var count = t - first;
            var best = chosen[w];

            var start = tokens[first].Start;
            var end = tokens[t - 1].End;
            var type = labels.Entities[best];
            if (type is null)
            {
                if (currentType is not null && end - start == 1 && IsJoiner(text[start]) && spanEnd == start)
                {
                    pendingPunctuation = start;
                    continue;
                }

                Flush();
                continue;
            }

            var typeScore = 0.0;
            for (var k = 0; k < labelCount; k++)
            {
                if (labels.Entities[k] == type)
                {
                    typeScore += wordProbs[k];
                }
            }

            typeScore /= count;
            var attached = currentType == type && (pendingPunctuation >= 0 ? pendingPunctuation + 1 == start : spanEnd == start);
            var continues = currentType == type && (!labels.Begins[best] || attached) && (pendingPunctuation < 0 || attached);
            if (!continues)
            {
                Flush();
                currentType = type;
                spanStart = start;
                spanScore = 0;
                spanWords = 0;
            }

            pendingPunctuation = -1;
            spanEnd = end;
            spanScore += typeScore;
            spanWords++;
        }

        Flush();

        void Flush()
        {
            if (currentType is not null && spanWords > 0)
            {
                var score = spanScore / spanWords;
                if (score >= minScore)
                {
                    spans.Add(new NerSpan(currentType, spanStart, spanEnd, Math.Round(score, 4)));
                }
            }

            currentType = null;
            spanWords = 0;
            pendingPunctuation = -1;
        }
    }

    private static bool IsJoiner(char c) => c is '\'' or '’' or 'ʼ' or '-' or '‐' or '‑' or '.';
}
