using System.Buffers;
using System.Text.RegularExpressions;

namespace PiiOrleans.Pii.Detection.Recognizers;

/// <summary>
/// Dates and times: ISO (<c>1985-03-15</c>, with time and zone), year first with slashes or dots (<c>2020/03/15</c>), numeric
/// (<c>3/29/1982</c>, <c>15.03.1985</c>), month names (<c>November 3, 1988</c>, <c>3rd of May 2020</c>, <c>15-JAN-2020</c>,
/// <c>Jan-20</c>, <c>15-Jan</c>), month and year (<c>12/2020</c> weak, <c>12/20</c> very weak) and clock times (<c>14:56</c>,
/// <c>9 pm</c>). Month and day ranges are checked.
/// </summary>
public sealed partial class DateTimeRecognizer : PatternRecognizer
{
    /// <summary>Creates the recognizer, named <c>DateRecognizer</c> as Presidio names its counterpart (<c>GET /recognizers</c>).</summary>
    public DateTimeRecognizer()
        : base("DateRecognizer", EntityTypes.DateTime,
            [
                new RecognizerPattern("date_iso", IsoRegex(), 0.75) { RequiredTraits = TextTraits.DigitPunctuationDigit },
                new RecognizerPattern("date_numeric", NumericRegex(), 0.6) { RequiredTraits = TextTraits.DigitPunctuationDigit },
                new RecognizerPattern("date_year_first", YearFirstRegex(), 0.6) { RequiredTraits = TextTraits.DigitPunctuationDigit },
                new RecognizerPattern("date_month_year", MonthYearRegex(), MonthYearScore) { RequiredTraits = TextTraits.DigitPunctuationDigit },
                new RecognizerPattern("date_month_name", MonthNameRegex(), 0.75) { Keywords = MonthPrefixes },
                new RecognizerPattern("time", TimeRegex(), 0.5),
            ],
            ["date", "time", "when", "birthday", "born", "dob", "birth", "since", "created", "updated", "expires", "expiry", "day"],
            TextTraits.Digit)
    {
    }

    // "12/2020" is weak evidence of a date and "12/20" weaker still (a score, a fraction of a page): context must carry them.
    private const double MonthYearScore = 0.2;
    private const double MonthShortYearScore = 0.1;

    /// <inheritdoc />
    protected override double Validate(string text, int start, int end, double baseScore)
    {
        if (baseScore == MonthYearScore && end - start - text.AsSpan(start, end - start).IndexOf('/') == 3) baseScore = MonthShortYearScore;
        if (!IsolatedFromWords(text, start, end)) return 0;
        // "02.27.96.63.08" or "1.2.2020.5": part of a longer dotted/dashed number (a phone, a version).
        if (end + 1 < text.Length && text[end] is '.' or '-' or '/' && char.IsAsciiDigit(text[end + 1])) return 0;
        if (start > 1 && text[start - 1] is '.' or '-' or '/' && char.IsAsciiDigit(text[start - 2])) return 0;
        var value = text.AsSpan(start, end - start);
        if (!char.IsAsciiDigit(value[0]) || value.Contains(':') && !value.Contains('-') && !value.Contains('/')) return baseScore;
        // Numeric dates: one separator kind, and the parts must be a real month and day in some order.
        Span<int> parts = stackalloc int[3];
        int count = 0, current = 0, len = 0;
        foreach (char c in value)
        {
            if (char.IsAsciiDigit(c)) { current = current * 10 + (c - '0'); len++; continue; }
            if (len > 0 && count < 3) parts[count++] = current;
            current = 0; len = 0;
            if (c is ' ' or 'T') break; // the time part was validated by the regex
        }
        if (len > 0 && count < 3) parts[count++] = current;
        if (count < 3) return baseScore;
        int a = parts[0], b = parts[1], c3 = parts[2];
        bool yearFirst = a > 31;
        int m1 = yearFirst ? b : a, d1 = yearFirst ? c3 : b;
        bool monthDay = m1 is >= 1 and <= 12 && d1 is >= 1 and <= 31;
        bool dayMonth = !yearFirst && b is >= 1 and <= 12 && a is >= 1 and <= 31;
        return monthDay || dayMonth ? baseScore : 0;
    }

    // Every month name of the regex starts with one of these (the regex ignores case, so does the search).
    private static readonly SearchValues<string> MonthPrefixes =
        SearchValues.Create(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], StringComparison.OrdinalIgnoreCase);

    private const string Month = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

    [GeneratedRegex(@"\b\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b",
        RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex IsoRegex();

    [GeneratedRegex(@"\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})(?:,?\s\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?)?\b",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, RegexTimeoutMs)]
    private static partial Regex NumericRegex();

    [GeneratedRegex(@"\b\d{4}/\d{1,2}/\d{1,2}\b|\b\d{4}\.\d{1,2}\.\d{1,2}\b", RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex YearFirstRegex();

    [GeneratedRegex(@"\b(?:0?[1-9]|1[0-2])/(?:\d{4}|\d{2})\b", RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex MonthYearRegex();

    [GeneratedRegex(@"\b(?:" + Month + @"\.?\s{1,3}\d{1,2}(?:st|nd|rd|th)?(?:,?\s{1,3}\d{4})?|\d{1,2}(?:st|nd|rd|th)?\s{1,3}(?:of\s{1,3})?" + Month + @"\.?(?:,?\s{1,3}\d{4})?|" + Month + @"\.?,?\s{1,3}\d{4}|\d{1,2}-" + Month + @"(?:-(?:\d{4}|\d{2}))?|" + Month + @"-\d{2,4})\b",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, RegexTimeoutMs)]
    private static partial Regex MonthNameRegex();

    [GeneratedRegex(@"\b(?:(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?:\s?[ap]\.?m\.?)?|(?:1[0-2]|0?[1-9])\s?[ap]\.?m\.?)(?!\w)",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, RegexTimeoutMs)]
    private static partial Regex TimeRegex();
}
