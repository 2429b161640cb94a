using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace PiiOrleans.Pii.Detection.Profiling;

/// <summary>Shape tests for single cell values, used to confirm what a column name suggests.</summary>
internal static partial class ValueShapes
{
    private static readonly FrozenSet<string> NameParticles = new[]
    {
        "van", "der", "den", "de", "la", "le", "von", "da", "di", "du", "del", "della", "dos", "das", "ten", "ter", "bin", "al", "el", "y", "e", "zu", "af", "st",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Capitalised words (or initials) with name particles: "Marie", "J", "van der Berg", "O'Neal", "Hamanová".</summary>
    public static bool IsPersonName(string v)
    {
        var words = v.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > 5) return false;
        bool anyCapital = false;
        foreach (var w in words)
        {
            if (!NameWordRegex().IsMatch(w)) return false;
            if (char.IsUpper(w[0])) anyCapital = true;
            else if (!NameParticles.Contains(w)) return false;
        }
        return anyCapital;
    }

    /// <summary>Place names: letters (any case and script), spaces, apostrophes, dots, dashes; at most 6 words, no digits.</summary>
    public static bool IsPlaceName(string v) => v.Length <= 60 && PlaceRegex().IsMatch(v);

    /// <summary>Postcodes: 3–10 characters of letters/digits/space/dash with at least one digit.</summary>
    public static bool IsPostcode(string v) => PostcodeRegex().IsMatch(v) && v.Any(char.IsAsciiDigit);

    /// <summary>A date: digits with / - . separators (optionally a time), or a month name with a day or year.</summary>
    public static bool IsDate(string v) => DateRegex().IsMatch(v);

    /// <summary>One token without whitespace, 3–64 characters.</summary>
    public static bool IsToken(string v) => v.Length is >= 3 and <= 64 && !v.Any(char.IsWhiteSpace);

    /// <summary>Digits, possibly with separators or spreadsheet scientific notation ("5.54563E+15").</summary>
    public static bool IsNumberLike(string v, int minDigits) => NumberLikeRegex().IsMatch(v) && v.Count(char.IsAsciiDigit) >= minDigits;

    /// <summary>An identity-document number: 5–24 letters/digits/separators with at least 4 digits.</summary>
    public static bool IsDocumentNumber(string v) => DocumentRegex().IsMatch(v) && v.Count(char.IsAsciiDigit) >= 4;

    /// <summary>A GUID.</summary>
    public static bool IsGuid(string v) => Guid.TryParse(v, out _);

    /// <summary>Free text: several words.</summary>
    public static int WordCount(string v) => v.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    // Source-generated backtracking rather than NonBacktracking (whose matchers hold megabytes each): every shape is
    // anchored at both ends with no quantifier inside a quantifier, so a check is linear in the value's length.
    [GeneratedRegex(@"^\p{L}[\p{L}'’.]*$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex NameWordRegex();

    [GeneratedRegex(@"^\p{L}[\p{L}\p{M}'’.\- ]{0,59}$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex PlaceRegex();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9 \-]{1,8}[A-Za-z0-9]$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex PostcodeRegex();

    [GeneratedRegex(@"^(?:\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?|\d{1,2}\s?[A-Za-z]{3,9}\.?,?\s?\d{2,4}|[A-Za-z]{3,9}\.?[\s\-]\d{1,2}(?:,?\s\d{4})?|\d{8})$",
        RegexOptions.CultureInvariant, 1000)]
    private static partial Regex DateRegex();

    [GeneratedRegex(@"^\+?[\d\s().\-]+(?:[eE]\+?\d+)?$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex NumberLikeRegex();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9 .+/\-]{3,22}[A-Za-z0-9]$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex DocumentRegex();
}
