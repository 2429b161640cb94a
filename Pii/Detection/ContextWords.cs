using System.Collections.Frozen;

namespace PiiOrleans.Pii.Detection;

/// <summary>
/// The context words of one entity, prepared for matching against word tokens: a token matches a word when equal
/// (case-insensitive) or, for words of 4+ letters, when it starts with the word ("phones", "emailed"). A multi-word entry
/// ("social security") matches when all its words are present.
/// </summary>
public sealed class ContextWords
{
    /// <summary>Words so common they never count as context and do not use up the window.</summary>
    internal static readonly FrozenSet<string> StopWords = new[]
    {
        "a", "an", "the", "is", "are", "was", "were", "be", "been", "my", "your", "his", "her", "their", "our", "its", "of", "to", "in",
        "on", "at", "for", "and", "or", "it", "this", "that", "with", "as", "by", "me", "i", "you", "he", "she", "we", "they", "s", "here",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StopLookup = StopWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly string[] _single;
    private readonly string[][] _phrases;

    /// <summary>Prepares <paramref name="words"/> (duplicates and blanks ignored).</summary>
    public ContextWords(IEnumerable<string> words)
    {
        var single = new List<string>();
        var phrases = new List<string[]>();
        foreach (var w in words.Select(w => w.Trim().ToLowerInvariant()).Where(w => w.Length > 0).Distinct())
        {
            var parts = w.Split([' ', '-', '_'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 1) single.Add(parts[0]);
            else phrases.Add(parts);
        }
        _single = [.. single];
        _phrases = [.. phrases];
    }

    /// <summary>True when there are no words.</summary>
    public bool IsEmpty => _single.Length == 0 && _phrases.Length == 0;

    /// <summary>True when <paramref name="token"/> is a stop word.</summary>
    internal static bool IsStopWord(ReadOnlySpan<char> token) => StopLookup.Contains(token);

    /// <summary>True when one of the single words matches <paramref name="token"/>.</summary>
    public bool MatchesToken(ReadOnlySpan<char> token)
    {
        foreach (string w in _single)
            if (TokenMatches(token, w)) return true;
        return false;
    }

    /// <summary>True when a word or phrase matches within <paramref name="tokens"/> (the window or the column-name parts).</summary>
    public bool MatchesAny(ReadOnlySpan<char> source, ReadOnlySpan<Range> tokens)
    {
        foreach (var t in tokens)
            if (MatchesToken(source[t])) return true;
        foreach (var phrase in _phrases)
        {
            bool all = true;
            foreach (string part in phrase)
            {
                bool found = false;
                foreach (var t in tokens) if (TokenMatches(source[t], part)) { found = true; break; }
                if (!found) { all = false; break; }
            }
            if (all) return true;
        }
        return false;
    }

    /// <summary>True when a word of 4+ letters occurs inside the compacted column name ("cardnumber", "customeremail").</summary>
    public bool OccursIn(ReadOnlySpan<char> compactLowerName)
    {
        foreach (string w in _single)
            if (w.Length >= 4 && compactLowerName.Contains(w, StringComparison.Ordinal)) return true;
        foreach (var phrase in _phrases)
            if (compactLowerName.Contains(string.Concat(phrase), StringComparison.Ordinal)) return true;
        return false;
    }

    private static bool TokenMatches(ReadOnlySpan<char> token, string word) =>
        token.Equals(word, StringComparison.OrdinalIgnoreCase) ||
        (word.Length >= 4 && token.Length <= word.Length + 3 && token.StartsWith(word, StringComparison.OrdinalIgnoreCase));
}
