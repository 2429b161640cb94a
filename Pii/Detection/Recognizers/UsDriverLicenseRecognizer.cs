using System.Text.RegularExpressions;

namespace PiiOrleans.Pii.Detection.Recognizers;

/// <summary>
/// US driver's license numbers in the shapes states use: up to two letters, 4–14 digits and an optional trailing letter
/// (<c>AC432223</c>, <c>H12345678</c>, <c>A123456R</c>); digits then one or two letters (<c>1234567A</c>, <c>12345678AB</c>);
/// <c>12ABC12345</c>, <c>123AB1234</c>, <c>A1B2C</c>; or 6–14 or 16 digits. Weak without context ("driver", "license",
/// "DL"): the shapes overlap ordinary numbers and codes. A letter with one to three digits ("A4", "B12", "F150") is not a
/// license, although Presidio reports it.
/// </summary>
public sealed partial class UsDriverLicenseRecognizer : PatternRecognizer
{
    /// <summary>Creates the recognizer, named <c>UsLicenseRecognizer</c> as Presidio names its counterpart (<c>GET /recognizers</c>).</summary>
    public UsDriverLicenseRecognizer()
        : base("UsLicenseRecognizer", EntityTypes.UsDriverLicense,
            [new RecognizerPattern("driver_license", LicenseRegex(), 0.2)],
            ["driver", "drivers", "license", "licence", "dl", "driving", "permit", "lic"], TextTraits.DigitRun5 | TextTraits.CapitalThenDigit)
    {
    }

    /// <inheritdoc />
    protected override double Validate(string text, int start, int end, double baseScore)
    {
        var value = text.AsSpan(start, end - start);
        if (value.Length is < 5 or > 16) return 0;
        // Letters in the shape make it a license-like code; pure digits are far more often other numbers.
        return CountDigits(value) < value.Length ? baseScore + 0.1 : baseScore;
    }

    [GeneratedRegex(@"\b(?:[A-Za-z]{1,2}\d{4,14}[A-Za-z]?|\d{6,14}|\d{16}|\d{7,9}[A-Za-z]{1,2}|\d{2}[A-Za-z]{3}\d{5,6}|\d{3}[A-Za-z]{2}\d{4}|[A-Za-z]\d[A-Za-z]\d[A-Za-z])\b",
        RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex LicenseRegex();
}
