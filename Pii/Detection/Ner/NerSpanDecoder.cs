namespace PiiOrleans.Pii.Detection.Ner;

/// <summary>
/// Turns per-token label probabilities into entity spans: sub-word probabilities are averaged per word, each word takes
/// its most likely label, B-/I- (or IO) labels form spans, and spans of one type are joined across in-word punctuation
/// such as O'Brien, Jean-Luc or J.R. when nothing but that punctuation separates them.
/// </summary>
internal static class NerSpanDecoder
{
    public static void Decode(string text, ReadOnlySpan<WordPieceToken> tokens, ReadOnlySpan<float> probs, NerLabelSet labels, double minScore, List<NerSpan> spans)
    {
        var labelCount = labels.Count;
        var wordProbs = new float[labelCount];
        string? currentType = null;
        int spanStart = 0, spanEnd = 0, spanWords = 0;
        double spanScore = 0;
        var pendingPunctuation = -1; // start offset of in-word punctuation that may join two parts of a name

        var t = 0;
        while (t < tokens.Length)
        {
            var word = tokens[t].Word;
            var first = t;
            Array.Clear(wordProbs);
            while (t < tokens.Length && tokens[t].Word == word)
            {
                var row = probs.Slice(t * labelCount, labelCount);
                for (var k = 0; k < labelCount; k++)
                {
                    wordProbs[k] += row[k];
                }

                t++;
            }

            var count = t - first;
            var best = 0;
            for (var k = 1; k < labelCount; k++)
            {
                if (wordProbs[k] > wordProbs[best])
                {
                    best = k;
                }
            }

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
