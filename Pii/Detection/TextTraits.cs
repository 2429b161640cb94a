namespace PiiOrleans.Pii.Detection;

/// <summary>
/// Cheap facts about a text, computed once per text in one pass, that let recognizers and their patterns skip texts
/// they cannot match (no '@' means no e-mail; fewer than nine digits in one separated group means no SSN). Each trait a
/// pattern requires must follow from any match it reports, so skipping never changes the results.
/// </summary>
[Flags]
public enum TextTraits
{
    /// <summary>No trait: recognizers requiring nothing always run.</summary>
    None = 0,
    /// <summary>Contains an ASCII digit.</summary>
    Digit = 1,
    /// <summary>Contains '@'.</summary>
    At = 2,
    /// <summary>Contains '.'.</summary>
    Dot = 4,
    /// <summary>Contains ':'.</summary>
    Colon = 8,
    /// <summary>Contains a currency symbol.</summary>
    Currency = 16,

    /// <summary>At least five digits (any script, as regex <c>\d</c>) in a row (ZIP, licence, passport and account numbers need them).</summary>
    DigitRun5 = 32,

    /// <summary>At least six ASCII digits in the whole text (a phone number has six or more).</summary>
    Digits6 = 64,

    /// <summary>Nine or more ASCII digits in one group whose non-digits are all the same character ("078-05-1120"; SSNs).</summary>
    SeparatedDigits9 = 128,

    /// <summary>Thirteen or more ASCII digits in one group whose non-digits are all the same character (payment cards).</summary>
    SeparatedDigits13 = 256,

    /// <summary>A digit, a '.', a digit (dotted IPv4 addresses).</summary>
    DigitDotDigit = 512,

    /// <summary>Two colons with at most four ASCII hex digits between them ("fe80::1", "2001:db8:…"; IPv6 addresses).</summary>
    HexColonPair = 1024,

    /// <summary>A digit followed by white space, optionally with one ASCII letter in between ("12 Main", "12B Main"; house numbers).</summary>
    DigitThenSpace = 2048,

    /// <summary>White space followed by a digit ("Hauptstraße 5", "Box 12").</summary>
    SpaceThenDigit = 4096,

    /// <summary>An ASCII capital letter followed by a digit ("SW1A 1AA", "K1A 0B1"; UK and Canadian postcodes).</summary>
    CapitalThenDigit = 8192,

    /// <summary>Contains "://" (a URL with a scheme).</summary>
    SchemeSeparator = 16384,

    /// <summary>A '.' followed by a letter ("example.com"; host names).</summary>
    DotThenLetter = 32768,

    /// <summary>A digit, one of '-', '/', '.', a digit ("2024-03", "3/29"; numeric dates).</summary>
    DigitPunctuationDigit = 65536,
}
