namespace PiiOrleans.Pii.Detection.Validation;

/// <summary>
/// Card issuers' number prefixes (IIN ranges) and lengths. A number that matches one is far likelier a card than a
/// Luhn-valid number of the right size that does not.
/// </summary>
public static class CardIssuers
{
    // (first IIN, last IIN, IIN digits, shortest, longest): the ranges are inclusive, compared on the first IIN digits.
    private static readonly (int From, int To, int Digits, int Shortest, int Longest)[] Ranges =
    [
        (4, 4, 1, 13, 13), (4, 4, 1, 16, 16), (4, 4, 1, 19, 19), // Visa
        (51, 55, 2, 16, 16), (2221, 2720, 4, 16, 16),           // Mastercard
        (34, 34, 2, 15, 15), (37, 37, 2, 15, 15),               // American Express
        (300, 305, 3, 14, 19), (3095, 3095, 4, 14, 19), (36, 36, 2, 14, 19), (38, 39, 2, 14, 19), // Diners Club
        (3528, 3589, 4, 16, 19), (2131, 2131, 4, 15, 15), (1800, 1800, 4, 15, 15), // JCB
        (6011, 6011, 4, 16, 19), (644, 649, 3, 16, 19), (65, 65, 2, 16, 19), // Discover
        (62, 62, 2, 16, 19),                                     // UnionPay
        (50, 50, 2, 12, 19), (56, 58, 2, 12, 19), (60, 69, 2, 12, 19), // Maestro (and RuPay, Troy in the 6 range)
        (2200, 2204, 4, 16, 19),                                 // Mir
        (1, 1, 1, 15, 15),                                       // UATP
    ];

    /// <summary>True when the digits <paramref name="number"/> have an issuer's prefix and length.</summary>
    public static bool Matches(ReadOnlySpan<char> number)
    {
        foreach (var (from, to, digits, shortest, longest) in Ranges)
        {
            if (number.Length < shortest || number.Length > longest) continue;
            int prefix = Prefix(number, digits);
            if (prefix >= from && prefix <= to) return true;
        }

        return false;
    }

    /// <summary>True when the first digit is one Presidio accepts for a card (1, 3, 4, 5, 6), whatever the length.</summary>
    public static bool HasCardPrefix(ReadOnlySpan<char> number) => number.Length > 0 && number[0] is '1' or '3' or '4' or '5' or '6';

    private static int Prefix(ReadOnlySpan<char> number, int digits)
    {
        int value = 0;
        for (int i = 0; i < digits; i++) value = value * 10 + (number[i] - '0');
        return value;
    }
}
