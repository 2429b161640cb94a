using System.Text.RegularExpressions;

namespace PiiOrleans.Pii.Detection.Recognizers;

/// <summary>
/// US Social Security numbers, with one consistent separator (dash, space, dot) or none; impossible numbers are rejected:
/// area 000, 666 or 900–999, group 00, serial 0000, all-same digits and the well-known advertising/sample numbers.
/// The nine digits grouped 5-4 or 3-6 (a mistyped SSN, or a ZIP+4) are only very weak evidence.
/// </summary>
public sealed partial class UsSsnRecognizer : PatternRecognizer
{
    /// <summary>Creates the recognizer.</summary>
    public UsSsnRecognizer()
        : base("UsSsnRecognizer", EntityTypes.UsSsn,
            [
                new RecognizerPattern("ssn_dashed", DashedRegex(), 0.85),
                new RecognizerPattern("ssn_spaced", SpacedRegex(), 0.6),
                new RecognizerPattern("ssn_plain", PlainRegex(), 0.3),
                new RecognizerPattern("ssn_regrouped", RegroupedRegex(), 0.05),
            ],
            ["ssn", "ssns", "ssn#", "ss#", "ssid", "social", "security", "social security"], TextTraits.SeparatedDigits9)
    {
    }

    /// <inheritdoc />
    protected internal override TextTraits ValidatedSpanTraits => TextTraits.SeparatedDigits9;

    /// <inheritdoc />
    protected override double Validate(string text, int start, int end, double baseScore)
    {
        if (!IsolatedFromWords(text, start, end)) return 0;
        // "123-45-6789-0" or "1.123.45.6789": part of a longer code.
        if (start > 1 && text[start - 1] is '-' or '.' && char.IsAsciiDigit(text[start - 2])) return 0;
        if (end + 1 < text.Length && text[end] is '-' or '.' && char.IsAsciiDigit(text[end + 1])) return 0;
        return IsPossible(text.AsSpan(start, end - start)) ? baseScore : 0;
    }

    /// <summary>True when the 9 digits of <paramref name="value"/> could be an issued SSN (separators must be consistent).</summary>
    public static bool IsPossible(ReadOnlySpan<char> value)
    {
        Span<char> d = stackalloc char[9];
        int n = 0;
        char separator = '\0';
        foreach (char c in value)
        {
            if (char.IsAsciiDigit(c)) { if (n == 9) return false; d[n++] = c; continue; }
            if (separator == '\0') separator = c;
            else if (separator != c) return false;
        }
        if (n != 9) return false;
        var area = d[..3];
        if (area is "000" or "666" || area[0] == '9') return false;
        if (d[3..5] is "00" || d[5..] is "0000") return false;
        if (d.IndexOfAnyExcept(d[0]) < 0) return false;
        if (d is "123456789" or "078051120" or "219099999" || d[..8] is "98765432") return false;
        return true;
    }

    [GeneratedRegex(@"\b\d{3}-\d{2}-\d{4}\b", RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex DashedRegex();

    [GeneratedRegex(@"\b\d{3}[ .]\d{2}[ .]\d{4}\b", RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex SpacedRegex();

    [GeneratedRegex(@"\b\d{9}\b", RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex PlainRegex();

    [GeneratedRegex(@"\b\d{5}-\d{4}\b|\b\d{3}-\d{6}\b", RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex RegroupedRegex();
}
