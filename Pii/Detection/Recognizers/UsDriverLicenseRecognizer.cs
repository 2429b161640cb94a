using System.Text.RegularExpressions;

namespace PiiOrleans.Pii.Detection.Recognizers;

/// <summary>
/// US driver's license numbers in the shapes states use (up to two letters, 5–14 digits, an optional trailing letter).
/// Weak without context ("driver", "license", "DL"): the shapes overlap ordinary numbers and codes.
/// </summary>
public sealed partial class UsDriverLicenseRecognizer : PatternRecognizer
{
    /// <summary>Creates the recognizer.</summary>
    public UsDriverLicenseRecognizer()
        : base("UsDriverLicenseRecognizer", EntityTypes.UsDriverLicense,
            [new RecognizerPattern("driver_license", LicenseRegex(), 0.2)],
            ["driver", "drivers", "license", "licence", "dl", "driving", "permit", "lic"], TextTraits.DigitRun5)
    {
    }

    /// <inheritdoc />
    protected override double Validate(string text, int start, int end, double baseScore)
    {
        var value = text.AsSpan(start, end - start);
        if (value.Length is < 6 or > 16) return 0;
        // Letters in the shape make it a license-like code; pure digits are far more often other numbers.
        return char.IsAsciiLetter(value[0]) || char.IsAsciiLetter(value[^1]) ? baseScore + 0.1 : baseScore;
    }

    [GeneratedRegex(@"\b[A-Za-z]{0,2}\d{5,14}[A-Za-z]?\b", RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex LicenseRegex();
}
