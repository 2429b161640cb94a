using System.Text.RegularExpressions;
using PiiOrleans.Pii.Detection.Validation;

namespace PiiOrleans.Pii.Detection.Recognizers;

/// <summary>
/// Payment card numbers: 13–19 digits, optionally grouped by one kind of separator (space or dash), with a known issuer
/// prefix and a valid Luhn check digit. Matches failing Luhn are dropped, whatever pattern found them.
/// </summary>
public sealed partial class CreditCardRecognizer : PatternRecognizer
{
    /// <summary>Creates the recognizer.</summary>
    public CreditCardRecognizer()
        : base("CreditCardRecognizer", EntityTypes.CreditCard,
            [new RecognizerPattern("card", CardRegex(), 0.9)],
            ["credit", "card", "visa", "mastercard", "cc", "amex", "discover", "jcb", "diners", "maestro", "payment", "creditcard", "card number"],
            TextTraits.SeparatedDigits13)
    {
    }

    /// <inheritdoc />
    protected internal override TextTraits ValidatedSpanTraits => TextTraits.SeparatedDigits13;

    /// <inheritdoc />
    protected override double Validate(string text, int start, int end, double baseScore)
    {
        if (!IsolatedFromWords(text, start, end)) return 0;
        var value = text.AsSpan(start, end - start);
        int digits = CountDigits(value);
        if (digits is < 13 or > 19) return 0;
        char separator = '\0';
        foreach (char c in value)
        {
            if (char.IsAsciiDigit(c)) continue;
            if (separator == '\0') separator = c;
            else if (separator != c) return 0;
        }
        if (!HasIssuerPrefix(value) || !Luhn.IsValid(value)) return 0;
        return baseScore;
    }

    private static bool HasIssuerPrefix(ReadOnlySpan<char> value)
    {
        int a = value[0] - '0', b = value[1] - '0';
        return a switch
        {
            1 => true,                         // UATP
            2 => b is >= 2 and <= 7,          // Mastercard 2-series
            3 => b is 0 or 4 or 5 or 6 or 7 or 8, // Diners, Amex, JCB
            4 => true,                         // Visa
            5 => true,                         // Mastercard, Maestro
            6 => true,                         // Discover, UnionPay, Maestro
            _ => false,
        };
    }

    [GeneratedRegex(@"\b\d{4}(?:[ -]?\d{2,7}){2,4}\b", RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex CardRegex();
}
