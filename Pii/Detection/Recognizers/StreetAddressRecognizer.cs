using System.Buffers;
using System.Text.RegularExpressions;

namespace PiiOrleans.Pii.Detection.Recognizers;

/// <summary>
/// Street addresses: US/UK number + capitalised street name + suffix (<c>123 Main St</c>) with optional unit, city, state,
/// ZIP/postcode and country; continental "street + number" forms (<c>Hauptstraße 5</c>, <c>Avenida Noruega 42</c>,
/// <c>Via Roma 10</c>) and P.O. boxes. Reported as LOCATION unless the configuration asks for STREET_ADDRESS.
/// Street names must be capitalised, so prose such as "5 miles down the road" does not match.
/// </summary>
public sealed partial class StreetAddressRecognizer : PatternRecognizer
{
    /// <summary>Creates the recognizer emitting <paramref name="entity"/> (LOCATION or STREET_ADDRESS).</summary>
    public StreetAddressRecognizer(string entity = EntityTypes.Location)
        : base("StreetAddressRecognizer", entity,
            [
                new RecognizerPattern("address_number_first", NumberFirstRegex(), 0.7) { RequiredTraits = TextTraits.DigitThenSpace },
                new RecognizerPattern("address_street_first", StreetFirstRegex(), 0.65)
                    { RequiredTraits = TextTraits.SpaceThenDigit, Keywords = StreetFirstWords },
                new RecognizerPattern("address_romance", RomanceRegex(), 0.65) { RequiredTraits = TextTraits.SpaceThenDigit, Keywords = RomanceWords },
                new RecognizerPattern("po_box", PoBoxRegex(), 0.7) { RequiredTraits = TextTraits.SpaceThenDigit, Keywords = BoxWord },
            ],
            ["address", "street", "addr", "location", "live", "lives", "living", "located", "residence", "mail", "ship", "deliver", "billing", "shipping", "home"],
            TextTraits.Digit)
    {
    }

    /// <inheritdoc />
    protected override bool Adjust(string text, ref int start, ref int end)
    {
        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is ',' or '-' or '.')) end--;
        return true;
    }

    /// <inheritdoc />
    protected override double Validate(string text, int start, int end, double baseScore)
    {
        var value = text.AsSpan(start, end - start);
        // A city, state or postcode after the street makes it a full address.
        return value.Contains(',') ? baseScore + 0.15 : baseScore;
    }

    // The words the street-first, romance and P.O. box regexes need, in the regexes' case (the P.O. box one ignores case).
    private const string StreetFirstSuffixes = "straße|strasse|str.|weg|gasse|platz|allee|damm|laan|straat|gracht|plein|kade|vej|gade|gatan|vägen|gata|katu|tie|utca|ulica";
    private const string RomanceStreets = "Rue|Avenue|Boulevard|Chemin|Allée|Impasse|Via|Viale|Piazza|Corso|Calle|Avenida|Rua|Plaza|Paseo|Carrer|Travessa|Alameda|Largo|Praça";
    private static readonly SearchValues<string> StreetFirstWords = SearchValues.Create(StreetFirstSuffixes.Split('|'), StringComparison.Ordinal);
    private static readonly SearchValues<string> RomanceWords = SearchValues.Create(RomanceStreets.Split('|'), StringComparison.Ordinal);
    private static readonly SearchValues<string> BoxWord = SearchValues.Create(["box"], StringComparison.OrdinalIgnoreCase);

    private const string Suffix =
        @"(?:[Ss]treet|St|[Aa]venue|Ave|[Rr]oad|Rd|[Dd]rive|Dr|[Ll]ane|Ln|[Bb]oulevard|Blvd|[Ww]ay|[Cc]ourt|Ct|[Pp]lace|Pl|[Tt]errace|Ter|[Cc]ircle|Cir|[Pp]arkway|Pkwy|[Hh]ighway|Hwy|[Ss]quare|Sq|[Tt]rail|Trl|[Cc]rescent|[Cc]lose|[Gg]rove|[Gg]ardens|[Mm]ews|[Rr]ow|[Hh]ill|[Pp]ike|[Ll]oop|[Aa]lley|[Pp]ark)";
    private const string Word = @"[A-Z]\p{L}*(?:['.-]\p{L}+)*\b";
    private const string Unit = @"(?:,?\s{1,3}(?:Apt|Apartment|Suite|Ste|Unit|Flat|Floor|Fl|Room|Rm|#)\.?\s{0,2}#?[A-Za-z0-9-]{1,6})?";
    private const string Postcode = @"(?:\d{5}(?:-\d{4})?|\d{4}\s?[A-Z]{2}|\d{4,5}|[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2})";
    private const string Tail =
        Unit + @"(?:,\s{0,3}" + Word + @"(?:[ -]" + Word + @"){0,3})?(?:,?\s{1,3}(?:[A-Z]{2}\b(?:\s{1,3}" + Postcode + @")?|" + Postcode + @")\b)?(?:,\s{0,3}" + Word + @"(?:\s" + Word + @"){0,2})?";

    [GeneratedRegex(@"\b\d{1,6}[A-Za-z]?\s{1,3}(?:[NSEW]\.?\s{1,3})?(?:(?:" + Word + @"|\d{1,3}(?:st|nd|rd|th))\s{1,3}){1,4}" + Suffix + @"\b\.?" + Tail,
        RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex NumberFirstRegex();

    [GeneratedRegex(@"\b(?:" + Word + @"\s{1,3}){0,2}[\p{L}'-]*(?:straße|strasse|str\.|weg|gasse|platz|allee|damm|laan|straat|gracht|plein|kade|vej|gade|gatan|vägen|gata|katu|tie|utca|ulica)\s{1,3}\d{1,5}[a-zA-Z]?\b" + @"(?:,\s{0,3}(?:[A-Z]{1,2}-)?\d{4,5}\s{1,3}" + Word + @")?",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, RegexTimeoutMs)]
    private static partial Regex StreetFirstRegex();

    [GeneratedRegex(@"\b(?:Rue|Avenue|Boulevard|Chemin|Allée|Impasse|Via|Viale|Piazza|Corso|Calle|Avenida|Rua|Plaza|Paseo|Carrer|Travessa|Alameda|Largo|Praça)\s{1,3}(?:(?:d[aeiou]s?|de la|del|della|dos|das|" + Word + @")\s{1,3}){1,5}\d{1,5}[a-zA-Z]?\b" + @"(?:,\s{0,3}(?:\d{4,5}(?:-\d{3})?\s{1,3})?" + Word + @"(?:\s" + Word + @"){0,2})?",
        RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex RomanceRegex();

    [GeneratedRegex(@"\bP\.?\s?O\.?\s{0,2}Box\s{1,3}\d{1,6}\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, RegexTimeoutMs)]
    private static partial Regex PoBoxRegex();
}
