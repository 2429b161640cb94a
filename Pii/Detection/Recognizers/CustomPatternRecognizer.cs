using System.Text.RegularExpressions;

namespace PiiOrleans.Pii.Detection.Recognizers;

/// <summary>
/// Recognizer for the <c>regex_patterns</c> of one configured entity. Regexes are compiled at load time (a bad one is a
/// <see cref="DetectionConfigurationException"/> naming the field), linear-time where the pattern allows it, always with a
/// timeout. When the entity has a built-in recognizer its validation applies too, so a configured "4-4-4-4 digits" card
/// pattern still needs a valid Luhn digit.
/// </summary>
public sealed class CustomPatternRecognizer : PatternRecognizer
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(RegexTimeoutMs);
    private readonly PatternRecognizer? _validator;

    /// <summary>Compiles <paramref name="patterns"/> for <paramref name="entity"/>; <paramref name="validator"/> is the built-in recognizer, if any.</summary>
    public CustomPatternRecognizer(string entity, IReadOnlyList<CustomPattern> patterns, IReadOnlyList<string> contextWords, PatternRecognizer? validator)
        : this(entity, patterns, contextWords, validator, $"CustomPatternRecognizer_{entity}", PresidioRegexOptions)
    {
    }

    /// <summary>
    /// As the other constructor, named <paramref name="name"/> and compiled with <paramref name="options"/> (a Presidio
    /// request's ad-hoc recognizer may set its own regex flags).
    /// </summary>
    public CustomPatternRecognizer(string entity, IReadOnlyList<CustomPattern> patterns, IReadOnlyList<string> contextWords,
        PatternRecognizer? validator, string name, RegexOptions options)
        : base(name, entity, Compile(entity, patterns, options), contextWords, validator?.ValidatedSpanTraits ?? TextTraits.None) =>
        _validator = validator;

    /// <summary>The options Presidio compiles its patterns with by default: case-insensitive, multi-line, dot matches newline.</summary>
    public const RegexOptions PresidioRegexOptions = RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.Singleline;

    /// <inheritdoc />
    protected override double Validate(string text, int start, int end, double baseScore) =>
        _validator is null ? baseScore : _validator.ValidateSpan(text, start, end, baseScore);

    /// <summary>Compiles one user regex as Presidio does (case-insensitive, multi-line, dot matches newline), preferring the linear-time engine.</summary>
    public static Regex CompileUserRegex(string pattern, string field) => CompileUserRegex(pattern, field, PresidioRegexOptions);

    /// <summary>Compiles one user regex with <paramref name="options"/>, preferring the linear-time engine.</summary>
    public static Regex CompileUserRegex(string pattern, string field, RegexOptions options)
    {
        var presidio = options | RegexOptions.CultureInvariant;
        if (string.IsNullOrEmpty(pattern)) throw new DetectionConfigurationException(field, "the regex is empty; give a pattern or remove the entry.");
        try
        {
            return new Regex(pattern, presidio | RegexOptions.NonBacktracking, Timeout);
        }
        catch (NotSupportedException)
        {
            // Look-arounds and back-references need the backtracking engine; the timeout still bounds it.
        }
        catch (ArgumentException ex)
        {
            throw new DetectionConfigurationException(field, $"invalid regular expression ({ex.Message}); fix the pattern.", ex);
        }
        try
        {
            return new Regex(pattern, presidio, Timeout);
        }
        catch (ArgumentException ex)
        {
            throw new DetectionConfigurationException(field, $"invalid regular expression ({ex.Message}); fix the pattern.", ex);
        }
    }

    private static RecognizerPattern[] Compile(string entity, IReadOnlyList<CustomPattern> patterns, RegexOptions options)
    {
        var compiled = new RecognizerPattern[patterns.Count];
        for (int i = 0; i < patterns.Count; i++)
        {
            var p = patterns[i];
            string field = $"entities[{entity}].regex_patterns[{i}]";
            if (p.Score is < 0 or > 1 || double.IsNaN(p.Score))
                throw new DetectionConfigurationException(field + ".score", "score must be between 0 and 1.");
            compiled[i] = new RecognizerPattern(string.IsNullOrEmpty(p.Name) ? $"pattern_{i}" : p.Name, CompileUserRegex(p.Regex, field + ".regex", options), p.Score);
        }
        return compiled;
    }
}
