namespace PiiOrleans.Pii.Detection;

/// <summary>
/// Presidio-style context enhancement: a result whose entity's context words occur among the few words before it (or a
/// couple after it), or in the table column name, gets <c>min(1, max(score + boost, minimum))</c>. Applied once per result.
/// </summary>
public sealed class ContextEnhancer
{
    private const int MaxWindowChars = 160;
    private readonly int _before;
    private readonly int _after;
    private readonly double _boost;
    private readonly double _minimum;

    /// <summary>Creates the enhancer from the analyzer options.</summary>
    public ContextEnhancer(AnalyzerOptions options)
    {
        _before = options.ContextWordsBefore;
        _after = options.ContextWordsAfter;
        _boost = options.ContextBoost;
        _minimum = options.MinScoreWithContext;
    }

    /// <summary>The enhanced score of <paramref name="result"/>, or its score unchanged when no context supports it.</summary>
    public double Enhance(string text, in RecognizerResult result, ContextWords words, ColumnNameTokens? column)
    {
        if (words.IsEmpty || result.Score >= 1.0) return result.Score;
        bool found = column is not null && column.Supports(words);
        if (!found)
        {
            Span<Range> tokens = stackalloc Range[_before + _after];
            int n = CollectBefore(text, result.Start, tokens[.._before]);
            n += CollectAfter(text, result.End, tokens[n..]);
            found = words.MatchesAny(text, tokens[..n]);
        }
        return found ? Math.Min(1.0, Math.Max(result.Score + _boost, _minimum)) : result.Score;
    }

    /// <summary>The enhanced score of <paramref name="result"/> when only the table column's name supports it.</summary>
    public double EnhanceByColumn(in RecognizerResult result, ContextWords words, ColumnNameTokens? column) =>
        !words.IsEmpty && result.Score < 1.0 && column is not null && column.Supports(words)
            ? Math.Min(1.0, Math.Max(result.Score + _boost, _minimum))
            : result.Score;

    private static int CollectBefore(string text, int start, Span<Range> tokens)
    {
        int n = 0, i = start - 1, limit = Math.Max(0, start - MaxWindowChars);
        while (i >= limit && n < tokens.Length)
        {
            while (i >= limit && !char.IsLetter(text[i])) i--;
            if (i < limit) break;
            int end = i + 1;
            while (i >= limit && (char.IsLetterOrDigit(text[i]) || text[i] == '#')) i--;
            var range = new Range(i + 1, end);
            if (!ContextWords.IsStopWord(text.AsSpan()[range])) tokens[n++] = range;
        }
        return n;
    }

    private static int CollectAfter(string text, int end, Span<Range> tokens)
    {
        int n = 0, i = end, limit = Math.Min(text.Length, end + MaxWindowChars / 2);
        while (i < limit && n < tokens.Length)
        {
            while (i < limit && !char.IsLetter(text[i])) i++;
            if (i >= limit) break;
            int start = i;
            while (i < limit && char.IsLetterOrDigit(text[i])) i++;
            var range = new Range(start, i);
            if (!ContextWords.IsStopWord(text.AsSpan()[range])) tokens[n++] = range;
        }
        return n;
    }
}
