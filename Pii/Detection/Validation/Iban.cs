using System.Collections.Frozen;

namespace PiiOrleans.Pii.Detection.Validation;

/// <summary>IBAN validation: known country, the country's exact length, and the ISO 7064 mod-97 check (spaces ignored).</summary>
public static class Iban
{
    private static readonly FrozenDictionary<string, int> Lengths = new Dictionary<string, int>
    {
        ["AD"] = 24,
        ["AE"] = 23,
        ["AL"] = 28,
        ["AT"] = 20,
        ["AZ"] = 28,
        ["BA"] = 20,
        ["BE"] = 16,
        ["BG"] = 22,
        ["BH"] = 22,
        ["BI"] = 27,
        ["BR"] = 29,
        ["BY"] = 28,
        ["CH"] = 21,
        ["CR"] = 22,
        ["CY"] = 28,
        ["CZ"] = 24,
        ["DE"] = 22,
        ["DJ"] = 27,
        ["DK"] = 18,
        ["DO"] = 28,
        ["EE"] = 20,
        ["EG"] = 29,
        ["ES"] = 24,
        ["FI"] = 18,
        ["FK"] = 18,
        ["FO"] = 18,
        ["FR"] = 27,
        ["GB"] = 22,
        ["GE"] = 22,
        ["GI"] = 23,
        ["GL"] = 18,
        ["GR"] = 27,
        ["GT"] = 28,
        ["HR"] = 21,
        ["HU"] = 28,
        ["IE"] = 22,
        ["IL"] = 23,
        ["IQ"] = 23,
        ["IS"] = 26,
        ["IT"] = 27,
        ["JO"] = 30,
        ["KW"] = 30,
        ["KZ"] = 20,
        ["LB"] = 28,
        ["LC"] = 32,
        ["LI"] = 21,
        ["LT"] = 20,
        ["LU"] = 20,
        ["LV"] = 21,
        ["LY"] = 25,
        ["MC"] = 27,
        ["MD"] = 24,
        ["ME"] = 22,
        ["MK"] = 19,
        ["MN"] = 20,
        ["MR"] = 27,
        ["MT"] = 31,
        ["MU"] = 30,
        ["NI"] = 28,
        ["NL"] = 18,
        ["NO"] = 15,
        ["OM"] = 23,
        ["PK"] = 24,
        ["PL"] = 28,
        ["PS"] = 29,
        ["PT"] = 25,
        ["QA"] = 29,
        ["RO"] = 24,
        ["RS"] = 22,
        ["RU"] = 33,
        ["SA"] = 24,
        ["SC"] = 31,
        ["SD"] = 18,
        ["SE"] = 24,
        ["SI"] = 19,
        ["SK"] = 24,
        ["SM"] = 27,
        ["SO"] = 23,
        ["ST"] = 25,
        ["SV"] = 28,
        ["TL"] = 23,
        ["TN"] = 24,
        ["TR"] = 26,
        ["UA"] = 29,
        ["VA"] = 22,
        ["VG"] = 24,
        ["XK"] = 20,
        ["YE"] = 30,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="value"/> (spaces allowed, any case) is a valid IBAN.</summary>
    public static bool IsValid(ReadOnlySpan<char> value)
    {
        Span<char> compact = stackalloc char[34];
        int n = 0;
        foreach (char c in value)
        {
            if (c == ' ' || c == '-') continue;
            if (!char.IsAsciiLetterOrDigit(c) || n == compact.Length) return false;
            compact[n++] = char.ToUpperInvariant(c);
        }
        if (n < 15) return false;
        var lookup = Lengths.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(compact[..2], out int length) || length != n) return false;
        if (!char.IsAsciiLetter(compact[0]) || !char.IsAsciiLetter(compact[1]) || !char.IsAsciiDigit(compact[2]) || !char.IsAsciiDigit(compact[3]))
            return false;
        // Move the first four characters to the end and reduce mod 97 digit by digit (letters count as 10..35).
        int remainder = 0;
        for (int i = 0; i < n; i++)
        {
            char c = compact[(i + 4) % n];
            if (char.IsAsciiDigit(c)) remainder = (remainder * 10 + (c - '0')) % 97;
            else remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
        }
        return remainder == 1;
    }
}
