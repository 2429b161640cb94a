namespace PiiOrleans.Pii.Detection;

/// <summary>
/// A recognizer made of regexes with base scores, context words and a validation step (Presidio's PatternRecognizer).
/// Subclasses override <see cref="Validate"/> to confirm (checksum, ranges) or reject a match and <see cref="Adjust"/> to trim it.
/// </summary>
public abstract class PatternRecognizer : IEntityRecognizer
{
    /// <summary>Regex timeout of the built-in patterns: linear-time patterns never get near it, so hitting it means hostile input.</summary>
    /// <remarks>
    /// Which engine: a built-in pattern is a source-generated backtracking regex when every repetition is bounded or
    /// cannot be re-entered after a failure (so a scan stays linear), and a NonBacktracking one otherwise (e-mail, host
    /// names, street-first addresses, amounts before a currency code, user patterns). NonBacktracking matchers each hold
    /// megabytes of character-set caches for the life of the process, which is why they are not the default. A change to
    /// a backtracking pattern gets a case in AnalyzerEngineTests' pathological-input test.
    /// </remarks>
    protected const int RegexTimeoutMs = 2000;

    private readonly string[] _supported;

    /// <summary>Creates a recognizer for one entity.</summary>
    protected PatternRecognizer(string name, string entity, IReadOnlyList<RecognizerPattern> patterns,
        IReadOnlyList<string> contextWords, TextTraits requiredTraits)
    {
        Name = name;
        Entity = entity;
        Patterns = patterns;
        ContextWords = contextWords;
        RequiredTraits = requiredTraits;
        _supported = [entity];
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The entity this recognizer emits.</summary>
    public string Entity { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> SupportedEntities => _supported;

    /// <summary>The regexes and their base scores.</summary>
    public IReadOnlyList<RecognizerPattern> Patterns { get; }

    /// <summary>Words that, near a match or in the column name, raise its score.</summary>
    public IReadOnlyList<string> ContextWords { get; }

    /// <summary>The text must have at least one of these traits for a match to be possible (None = always run).</summary>
    public TextTraits RequiredTraits { get; }

    /// <summary>True when a text with <paramref name="traits"/> can contain a match (the cheap prefilter).</summary>
    public bool CanMatch(TextTraits traits) => RequiredTraits == TextTraits.None || (traits & RequiredTraits) != 0;

    /// <inheritdoc />
    public void Analyze(string text, RecognitionRequest request, List<RecognizerResult> results) =>
        Analyze(text, TextTraitsScanner.Scan(text), request, results);

    /// <summary>
    /// Adds the matches in <paramref name="text"/>, whose traits the caller computed once for all recognizers: patterns
    /// the traits rule out are skipped, and the others start only at candidate positions (<see cref="NextCandidate"/>).
    /// </summary>
    public void Analyze(string text, TextTraits traits, RecognitionRequest request, List<RecognizerResult> results)
    {
        if (!request.Wants(Entity) || !CanMatch(traits)) return;
        for (int p = 0; p < Patterns.Count; p++)
        {
            var pattern = Patterns[p];
            if (!pattern.MayMatch(text, traits)) continue;
            if (!HasCandidates(p))
            {
                foreach (var match in pattern.Regex.EnumerateMatches(text)) Add(text, match.Index, match.Length, pattern.Score, results);
                continue;
            }

            // The regex finds the leftmost match from the candidate on, exactly as a scan from the previous match would,
            // because no match can start before the candidate.
            int from = NextCandidate(p, text, 0);
            while (from >= 0 && from <= text.Length)
            {
                var matches = pattern.Regex.EnumerateMatches(text, from);
                if (!matches.MoveNext()) break;
                var match = matches.Current;
                Add(text, match.Index, match.Length, pattern.Score, results);
                int next = match.Index + Math.Max(1, match.Length);
                from = next > text.Length ? -1 : NextCandidate(p, text, next);
            }
        }
    }

    /// <summary>True when <see cref="NextCandidate"/> narrows where pattern <paramref name="pattern"/> can start.</summary>
    protected virtual bool HasCandidates(int pattern) => false;

    /// <summary>
    /// The first position at or after <paramref name="from"/> where a match of pattern <paramref name="pattern"/> can
    /// start, or -1 when none can: no match may start before it.
    /// </summary>
    protected virtual int NextCandidate(int pattern, string text, int from) => from;

    private void Add(string text, int index, int length, double baseScore, List<RecognizerResult> results)
    {
        int start = index, end = index + length;
        if (!Adjust(text, ref start, ref end) || end <= start) return;
        double score = Validate(text, start, end, baseScore);
        if (score > 0) results.Add(new RecognizerResult(Entity, start, end, Math.Min(1.0, score), Name));
    }

    /// <summary>Traits any text has that contains a span <see cref="Validate"/> accepts (custom patterns validated by this recognizer inherit them).</summary>
    protected internal virtual TextTraits ValidatedSpanTraits => TextTraits.None;

    /// <summary>Runs this recognizer's validation on a span found by another pattern (custom config patterns for this entity).</summary>
    internal double ValidateSpan(string text, int start, int end, double baseScore) => Validate(text, start, end, baseScore);

    /// <summary>Confirms a match: returns its score (possibly raised or lowered), or 0 to reject it.</summary>
    protected virtual double Validate(string text, int start, int end, double baseScore) => baseScore;

    /// <summary>Narrows a match (trailing punctuation); returns false to drop it.</summary>
    protected virtual bool Adjust(string text, ref int start, ref int end) => true;

    /// <summary>Counts ASCII digits in a span.</summary>
    protected static int CountDigits(ReadOnlySpan<char> span)
    {
        int n = 0;
        foreach (char c in span) if (char.IsAsciiDigit(c)) n++;
        return n;
    }

    /// <summary>True when the characters right before <paramref name="start"/> and at <paramref name="end"/> are not letters or digits.</summary>
    protected static bool IsolatedFromWords(string text, int start, int end) =>
        (start == 0 || !char.IsLetterOrDigit(text[start - 1])) && (end >= text.Length || !char.IsLetterOrDigit(text[end]));
}
