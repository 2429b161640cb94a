using System.Text.RegularExpressions;

namespace PiiOrleans.Pii.Detection.Recognizers;

/// <summary>
/// US individual taxpayer identification numbers: 9XX-[50–65|70–88|90–92|94–99]-XXXX, dashed, spaced or plain; mixed
/// separators ("900-70 1234") score lower, one separator only ("90070-1234") is very weak evidence.
/// </summary>
public sealed partial class UsItinRecognizer : PatternRecognizer
{
    /// <summary>Creates the recognizer.</summary>
    public UsItinRecognizer()
        : base("UsItinRecognizer", EntityTypes.UsItin,
            [
                new RecognizerPattern("itin_separated", SeparatedRegex(), 0.7), new RecognizerPattern("itin_plain", PlainRegex(), 0.3),
                new RecognizerPattern("itin_mixed", MixedRegex(), 0.5), new RecognizerPattern("itin_half_separated", HalfSeparatedRegex(), 0.1),
            ],
            ["itin", "taxpayer", "tax", "individual taxpayer", "tin"], TextTraits.Digit)
    {
    }

    /// <inheritdoc />
    protected override double Validate(string text, int start, int end, double baseScore) =>
        IsolatedFromWords(text, start, end) ? baseScore : 0;

    private const string Group = "(?:5\\d|6[0-5]|7\\d|8[0-8]|9[0-24-9])";

    [GeneratedRegex(@"\b9\d{2}-" + Group + @"-\d{4}\b|\b9\d{2} " + Group + @" \d{4}\b", RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex SeparatedRegex();

    [GeneratedRegex(@"\b9\d{2}" + Group + @"\d{4}\b", RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex PlainRegex();

    [GeneratedRegex(@"\b9\d{2}-" + Group + @" \d{4}\b|\b9\d{2} " + Group + @"-\d{4}\b", RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex MixedRegex();

    [GeneratedRegex(@"\b9\d{2}[- ]" + Group + @"\d{4}\b|\b9\d{2}" + Group + @"[- ]\d{4}\b", RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex HalfSeparatedRegex();
}
