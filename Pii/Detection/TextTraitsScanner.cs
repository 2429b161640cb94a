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
        var digit = text.IndexOfAny(Digits);
        if (digit >= 0) traits |= TextTraits.Digit | (HasDigitRun(text[digit..], 5) ? TextTraits.DigitRun5 : TextTraits.None);
        if (text.Contains('@')) traits |= TextTraits.At;
        if (text.Contains('.')) traits |= TextTraits.Dot;
        if (text.Contains(':')) traits |= TextTraits.Colon;
        if (text.IndexOfAny(CurrencySymbols) >= 0) traits |= TextTraits.Currency;
        return traits;
    }

    private static bool HasDigitRun(ReadOnlySpan<char> text, int length)
    {
        var run = 0;
        foreach (var c in text)
        {
            run = char.IsAsciiDigit(c) ? run + 1 : 0;
            if (run >= length) return true;
        }

        return false;
    }
}
