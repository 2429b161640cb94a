using System.Buffers;

namespace PiiOrleans.Pii.Detection;

/// <summary>Computes <see cref="TextTraits"/> with vectorized searches (no per-character loop in managed code).</summary>
public static class TextTraitsScanner
{
    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");
    private static readonly SearchValues<char> CurrencySymbols = SearchValues.Create("$€£¥₹₩₽¢");

    /// <summary>The traits of <paramref name="text"/>.</summary>
    public static TextTraits Scan(ReadOnlySpan<char> text)
    {
        var traits = TextTraits.None;
        if (text.IndexOfAny(Digits) >= 0) traits |= TextTraits.Digit;
        if (text.Contains('@')) traits |= TextTraits.At;
        if (text.Contains('.')) traits |= TextTraits.Dot;
        if (text.Contains(':')) traits |= TextTraits.Colon;
        if (text.IndexOfAny(CurrencySymbols) >= 0) traits |= TextTraits.Currency;
        return traits;
    }
}
