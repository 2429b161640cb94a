using System.Text.RegularExpressions;
using PiiOrleans.Tracks.Records;

namespace PiiOrleans.Tracks.Writing;

/// <summary>
/// Replaces original team and run names that appear as whole tokens in free text with their pseudonyms (longest name
/// first) — always, since a known identifier left in a narrative ("Test narrative for team2") undoes the mapping — and,
/// with <c>--scan-pii</c> (LIMIT-5), then hands the text to the PII engine when one is configured.
/// </summary>
public sealed class KnownNameScrubber : ITrackTextScrubber
{
    private const int MinNameLength = 3;
    private readonly Regex? _names;
    private readonly Dictionary<string, string> _replacement;
    private readonly Func<string, string>? _engine;

    /// <summary>
    /// Builds the pass from original→pseudonym maps; <paramref name="engine"/> is the PII engine's text anonymizer
    /// (optional); <paramref name="scanPii"/> is <c>--scan-pii</c>.
    /// </summary>
    public KnownNameScrubber(IReadOnlyDictionary<string, string> teams, IReadOnlyDictionary<string, string> runs, Func<string, string>? engine,
        bool scanPii = true)
    {
        ScansPii = scanPii;
        _replacement = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (o, a) in teams)
        {
            _replacement.TryAdd(o, a);
        }

        foreach (var (o, a) in runs)
        {
            _replacement.TryAdd(o, a);
        }

        // Very short names ("a", "x1") would hit ordinary words; they are left to the engine.
        var names = _replacement.Keys.Where(n => n.Length >= MinNameLength).OrderByDescending(n => n.Length).ThenBy(n => n, StringComparer.Ordinal).ToList();
        if (names.Count > 0)
        {
            string alternation = string.Join('|', names.Select(Regex.Escape));
            // Tokens: not preceded or followed by a letter, digit, '_' or '-'; dynamic because the names are data.
            _names = new Regex($@"(?<![\w-])(?:{alternation})(?![\w-])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
        }

        _engine = engine;
    }

    /// <inheritdoc />
    public bool ScansPii { get; }

    /// <inheritdoc />
    public string Scrub(string text)
    {
        string result = text;
        if (_names is not null)
        {
            result = _names.Replace(result, m => _replacement[m.Value]);
        }

        if (_engine is not null)
        {
            result = _engine(result);
        }

        return result.Equals(text, StringComparison.Ordinal) ? text : result;
    }
}
