using System.Text;

namespace PiiOrleans.Pii.Anonymization;

/// <summary>
/// Length and prefix arithmetic in Unicode code points, because the masking rules (like Python's <c>len</c>)
/// count code points, not UTF-16 units; ASCII/BMP text takes the fast path.
/// </summary>
internal static class CodePoints
{
    /// <summary>Number of code points in <paramref name="text"/>.</summary>
    public static int Count(ReadOnlySpan<char> text)
    {
        var surrogates = 0;
        foreach (var c in text)
        {
            if (char.IsLowSurrogate(c))
            {
                surrogates++;
            }
        }

        return text.Length - surrogates;
    }

    /// <summary>UTF-16 index of the code point number <paramref name="codePoint"/> (clamped to the length).</summary>
    public static int IndexOf(ReadOnlySpan<char> text, int codePoint)
    {
        var index = 0;
        for (var n = 0; n < codePoint && index < text.Length; n++)
        {
            index += char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;
        }

        return index;
    }

    /// <summary>Appends the first <paramref name="keep"/> code points of <paramref name="token"/> then '*' for each other one.</summary>
    public static void AppendKeepingPrefix(StringBuilder output, ReadOnlySpan<char> token, int keep, char mask = '*')
    {
        var cut = IndexOf(token, keep);
        output.Append(token[..cut]);
        output.Append(mask, Count(token[cut..]));
    }

    /// <summary>True when every code point of <paramref name="token"/> is a Unicode decimal digit (Python <c>isdigit</c> on words).</summary>
    public static bool AllDigits(ReadOnlySpan<char> token)
    {
        if (token.IsEmpty)
        {
            return false;
        }

        foreach (var rune in token.EnumerateRunes())
        {
            if (!Rune.IsDigit(rune))
            {
                return false;
            }
        }

        return true;
    }
}
