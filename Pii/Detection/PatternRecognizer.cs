namespace PiiOrleans.Pii.Detection;

/// <summary>
/// A recognizer made of regexes with base scores, context words and a validation step (Presidio's PatternRecognizer).
/// Subclasses override <see cref="Validate"/> to confirm (checksum, ranges) or reject a match and <see cref="Adjust"/> to trim it.
/// </summary>
public abstract class PatternRecognizer : IEntityRecognizer
{
    /// <summary>Regex timeout of the built-in patterns: linear-time patterns never get near it, so hitting it means hostile input.</summary>
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
    public void Analyze(string text, RecognitionRequest request, List<RecognizerResult> results)
    {
        if (!request.Wants(Entity)) return;
        foreach (var pattern in Patterns)
        {
            foreach (var match in pattern.Regex.EnumerateMatches(text))
            {
                int start = match.Index, end = match.Index + match.Length;
                if (!Adjust(text, ref start, ref end) || end <= start) continue;
                double score = Validate(text, start, end, pattern.Score);
                if (score > 0) results.Add(new RecognizerResult(Entity, start, end, Math.Min(1.0, score), Name));
            }
        }
    }

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
