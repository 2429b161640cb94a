using System.Text.RegularExpressions;
using PiiOrleans.Pii.Detection.Validation;

namespace PiiOrleans.Pii.Detection.Recognizers;

/// <summary>
/// Phone numbers in North-American (<c>(555) 123-4567</c>, <c>555.123.4567</c>) and international (<c>+44 20 7946 0958</c>,
/// <c>089 72 63 41</c>) formats with optional extensions; 7–15 digits, separated groups, never a date, an IP or a long digit run.
/// </summary>
public sealed partial class PhoneRecognizer : PatternRecognizer
{
    /// <summary>Creates the recognizer.</summary>
    public PhoneRecognizer()
        : base("PhoneRecognizer", EntityTypes.PhoneNumber,
            [new RecognizerPattern("phone", PhoneRegex(), 0.5)],
            ["phone", "telephone", "mobile", "cell", "cellphone", "call", "fax", "contact", "reach", "whatsapp", "office", "landline", "dial", "answering", "answer", "ring", "sms", "text", "tel"],
            TextTraits.Digits6)
    {
    }

    /// <inheritdoc />
    protected internal override TextTraits ValidatedSpanTraits => TextTraits.Digits6;

    /// <inheritdoc />
    protected override bool Adjust(string text, ref int start, ref int end)
    {
        // The regex is greedy about separators; a number never ends in one.
        while (end > start && !char.IsAsciiDigit(text[end - 1])) end--;
        return end > start;
    }

    /// <inheritdoc />
    protected override double Validate(string text, int start, int end, double baseScore)
    {
        var value = text.AsSpan(start, end - start);
        // Part of a longer token (a version "1.2.3-4", a code "AB-123-456") is not a phone number.
        if (start > 0 && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] is '.' or '/' or '-' && start > 1 && char.IsAsciiDigit(text[start - 2])))
            return 0;
        if (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] is '/' or ':' || (text[end] is '.' or '-') && end + 1 < text.Length && char.IsAsciiDigit(text[end + 1])))
            return 0;

        // A software version (Chrome/27.0.1453.93, 10.0.19045.2965) is dotted digit groups, not a number to call.
        if (VersionStringSpan.Covers(text, start, end - start))
            return 0;

        int ext = IndexOfExtension(value);
        var number = ext >= 0 ? value[..ext] : value;
        int digits = CountDigits(number);
        if (digits is < 6 or > 15) return 0;

        bool plus = number[0] == '+';
        bool parens = number.Contains('(');
        int groups = 0, longest = 0, run = 0;
        char separator = '\0';
        bool mixedSeparators = false, loneDigit = false;
        foreach (char c in number)
        {
            if (char.IsAsciiDigit(c)) { run++; continue; }
            if (run > 0) { loneDigit |= run == 1 && groups > 0; groups++; longest = Math.Max(longest, run); run = 0; }
            if (c is '-' or '.' or ' ')
            {
                if (separator == '\0') separator = c;
                else if (separator != c) mixedSeparators = true;
            }
        }
        if (run > 0) { loneDigit |= run == 1 && groups > 0; groups++; longest = Math.Max(longest, run); }
        // A one-digit group after the first is a version ("10.0.19041.1234") or an ISBN ("978-3-16-148410-0"); after a
        // country code it is an area code ("+972-3-123-4567", "+33 1 70 36 92 00").
        if (loneDigit && !plus) return 0;

        // An unseparated run is usually an ID; a 10-11 digit one is a phone only with context (+country code aside).
        if (groups == 1 && !plus) return digits is 10 or 11 && longest == digits ? 0.3 : 0;
        // Six digits in three or more groups ("33 93 31") are local numbers in many countries, but need context.
        if (digits == 6) return groups >= 3 ? 0.3 : 0;
        // E.164 ("+12025550173") is one run of up to 15 digits after the plus.
        if (plus && groups == 1) return digits >= 8 ? 0.7 : 0;
        if (longest > 10) return 0;
        // Dotted quads are IP addresses; 3-2-4 is an SSN; y-m-d or d/m/y shapes are dates.
        if (separator == '.' && groups == 4 && longest <= 3) return 0;
        if (LooksLikeDate(number)) return 0;

        bool nanp = digits == 10 && (parens || groups == 3) && GroupShapeIs(number, 3, 3, 4);
        bool nanpWithOne = digits == 11 && groups == 4 && number.TrimStart('+')[0] == '1';
        double score = plus || nanp || nanpWithOne ? 0.7 : digits >= 9 ? 0.55 : 0.45;
        if (mixedSeparators && !parens && !plus) score -= 0.1;
        if (ext >= 0) score += 0.1;
        return score;
    }

    private static int IndexOfExtension(ReadOnlySpan<char> value)
    {
        for (int i = 1; i < value.Length; i++)
            if (value[i] is 'x' or 'X' or 'e' or 'E' or '#') return i;
        return -1;
    }

    private static bool GroupShapeIs(ReadOnlySpan<char> number, int a, int b, int c)
    {
        Span<int> runs = stackalloc int[3];
        int g = 0, run = 0;
        foreach (char ch in number)
        {
            if (char.IsAsciiDigit(ch)) { run++; continue; }
            if (run > 0) { if (g == 3) return false; runs[g++] = run; run = 0; }
        }
        if (run > 0) { if (g == 3) return false; runs[g++] = run; }
        return g == 3 && runs[0] == a && runs[1] == b && runs[2] == c;
    }

    private static bool LooksLikeDate(ReadOnlySpan<char> number) =>
        DateShapeRegex().IsMatch(number);

    [GeneratedRegex(@"^(?:(?:1[89]|20)\d\d[-. ](?:0?[1-9]|1[0-2])[-. ](?:0?[1-9]|[12]\d|3[01])|(?:0?[1-9]|[12]\d|3[01])[-. ](?:0?[1-9]|1[0-2])[-. ](?:19|20)\d\d)(?:\D|$)",
        RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex DateShapeRegex();

    [GeneratedRegex(@"(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,5}\)[ .-]?)?\d{1,11}(?:[ .-]{1,2}\d{1,10}){0,5}(?:\s{0,2}(?:x|ext\.?|extension|#)\s{0,2}\d{1,6})?",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, RegexTimeoutMs)]
    private static partial Regex PhoneRegex();
}
