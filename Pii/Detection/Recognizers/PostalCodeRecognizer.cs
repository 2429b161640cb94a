using System.Text.RegularExpressions;

namespace PiiOrleans.Pii.Detection.Recognizers;

/// <summary>
/// Postal codes on their own ("my zip code is 05520"): US ZIP / ZIP+4, UK and Canadian postcodes. A ZIP code narrows a
/// person down to a few thousand people (HIPAA counts it as an identifier), but five digits alone are any number, so
/// the base score stays below every threshold and only a context word ("zip", "postcode", …) lifts it. Reported with
/// the address entity (LOCATION unless the configuration asks for STREET_ADDRESS).
/// </summary>
public sealed partial class PostalCodeRecognizer : PatternRecognizer
{
    /// <summary>Creates the recognizer emitting <paramref name="entity"/>.</summary>
    public PostalCodeRecognizer(string entity = EntityTypes.Location)
        : base("PostalCodeRecognizer", entity,
            [
                new RecognizerPattern("us_zip", UsZipRegex(), 0.2) { RequiredTraits = TextTraits.DigitRun5 },
                new RecognizerPattern("uk_postcode", UkPostcodeRegex(), 0.2) { RequiredTraits = TextTraits.CapitalThenDigit },
                new RecognizerPattern("ca_postal_code", CanadianRegex(), 0.2) { RequiredTraits = TextTraits.CapitalThenDigit },
            ],
            ["zip", "zipcode", "postal", "postcode", "postleitzahl", "plz"],
            TextTraits.DigitRun5 | TextTraits.CapitalThenDigit)
    {
    }

    /// <inheritdoc />
    protected override double Validate(string text, int start, int end, double baseScore) =>
        IsolatedFromWords(text, start, end) ? baseScore : 0;

    [GeneratedRegex(@"\b\d{5}(?:-\d{4})?\b", RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex UsZipRegex();

    [GeneratedRegex(@"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b", RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex UkPostcodeRegex();

    [GeneratedRegex(@"\b[A-CEGHJ-NPR-TVXY]\d[A-CEGHJ-NPR-TV-Z] ?\d[A-CEGHJ-NPR-TV-Z]\d\b", RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex CanadianRegex();
}
