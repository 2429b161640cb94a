using System.Text;

namespace PiiOrleans.Pii.Detection;

/// <summary>
/// A table column name split into lower-case words ("cardNumber", "card_number" → card, number) for use as context:
/// the column name supports a result like a context word right before it would.
/// </summary>
public sealed class ColumnNameTokens
{
    private readonly string _source;
    private readonly Range[] _tokens;
    private readonly string _compact;

    /// <summary>Tokenizes <paramref name="columnName"/>.</summary>
    public ColumnNameTokens(string columnName)
    {
        Name = columnName;
        var sb = new StringBuilder(columnName.Length + 8);
        var compact = new StringBuilder(columnName.Length);
        var tokens = new List<Range>();
        int tokenStart = -1;
        for (int i = 0; i < columnName.Length; i++)
        {
            char c = columnName[i];
            bool alnum = char.IsLetterOrDigit(c);
            bool camelBreak = alnum && i > 0 && char.IsUpper(c) && char.IsLower(columnName[i - 1]);
            if (tokenStart >= 0 && (!alnum || camelBreak))
            {
                tokens.Add(new Range(tokenStart, sb.Length));
                tokenStart = -1;
                sb.Append(' ');
            }
            if (!alnum) continue;
            if (tokenStart < 0) tokenStart = sb.Length;
            sb.Append(char.ToLowerInvariant(c));
            compact.Append(char.ToLowerInvariant(c));
        }
        if (tokenStart >= 0) tokens.Add(new Range(tokenStart, sb.Length));
        _source = sb.ToString();
        _tokens = [.. tokens];
        _compact = compact.ToString();
    }

    /// <summary>The original column name.</summary>
    public string Name { get; }

    /// <summary>The lower-case words of the name.</summary>
    public IEnumerable<string> Words => _tokens.Select(t => _source[t]);

    /// <summary>The name lower-cased with separators removed ("Card_Number" → "cardnumber").</summary>
    public string Compact => _compact;

    /// <summary>True when one of <paramref name="words"/> matches a word of the column name or occurs inside it.</summary>
    public bool Supports(ContextWords words) => words.MatchesAny(_source, _tokens) || words.OccursIn(_compact);

    /// <summary>True when the name has <paramref name="word"/> as one of its words.</summary>
    public bool HasWord(string word)
    {
        foreach (var t in _tokens) if (_source.AsSpan()[t].Equals(word, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}
