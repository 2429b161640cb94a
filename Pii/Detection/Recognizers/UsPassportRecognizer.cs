using System.Text.RegularExpressions;

namespace PiiOrleans.Pii.Detection.Recognizers;

/// <summary>US passport numbers: 9 digits, or a letter and 8 digits (next-generation books). Weak without "passport" nearby.</summary>
public sealed partial class UsPassportRecognizer : PatternRecognizer
{
    /// <summary>Creates the recognizer.</summary>
    public UsPassportRecognizer()
        : base("UsPassportRecognizer", EntityTypes.UsPassport,
            [new RecognizerPattern("passport", PassportRegex(), 0.15)],
            ["passport", "passports", "travel document", "passport number"], TextTraits.DigitRun5)
    {
    }

    [GeneratedRegex(@"\b(?:[A-Za-z]\d{8}|\d{9})\b", RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex PassportRegex();
}
