namespace PiiOrleans.Silo.Gateway.Presidio;

/// <summary>
/// Presidio's offsets are Python string indices (code points); ours are UTF-16 indices. They differ only after a
/// character outside the BMP (an emoji), so texts without surrogates take the identity path.
/// </summary>
internal static class PresidioOffsets
{
    /// <summary>The length of <paramref name="text"/> in code points.</summary>
    public static int Length(string text) => ToCodePoints(text, text.Length);

    /// <summary>The code point index of UTF-16 index <paramref name="utf16"/>.</summary>
    public static int ToCodePoints(string text, int utf16)
    {
        var lows = 0;
        var span = text.AsSpan(0, utf16);
        if (span.IndexOfAnyInRange('\uDC00', '\uDFFF') < 0)
        {
            return utf16;
        }

        foreach (var c in span)
        {
            if (char.IsLowSurrogate(c))
            {
                lows++;
            }
        }

        return utf16 - lows;
    }

    /// <summary>The UTF-16 index of code point index <paramref name="codePoint"/> (past the end stays past the end).</summary>
    public static int ToUtf16(string text, int codePoint)
    {
        if (text.AsSpan().IndexOfAnyInRange('\uD800', '\uDBFF') < 0)
        {
            return codePoint;
        }

        var index = 0;
        for (var seen = 0; seen < codePoint && index < text.Length; seen++)
        {
            index += char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;
        }

        return index + Math.Max(0, codePoint - ToCodePoints(text, index));
    }
}
