using System.Text.RegularExpressions;
using PiiOrleans.Pii.Detection.Validation;

namespace PiiOrleans.Pii.Detection.Recognizers;

/// <summary>
/// Payment card numbers, optionally grouped by one kind of separator (space or dash), with a valid Luhn check digit.
/// A number whose prefix and length match an issuer's (<see cref="CardIssuers"/>: Visa 13/16/19, Amex 15, Diners 14–19,
/// JCB 16–19 and the 15-digit 2131/1800, UnionPay and Discover 16–19, Maestro 12–19, …) scores 1.0, as Presidio scores a
/// Luhn-valid card; one with a card prefix but no issuer's length only 0.5. Twelve-digit Maestro numbers are short enough
/// to be other identifiers, so they score 0.3 and need context ("card", "maestro").
/// </summary>
public sealed partial class CreditCardRecognizer : PatternRecognizer
{
    private const double IssuerScore = 1.0;
    private const double PrefixOnlyScore = 0.5;
    private const double ShortMaestroScore = 0.3;

    /// <summary>Creates the recognizer.</summary>
    public CreditCardRecognizer()
        : base("CreditCardRecognizer", EntityTypes.CreditCard,
            [
                new RecognizerPattern("card", CardRegex(), IssuerScore) { RequiredTraits = TextTraits.SeparatedDigits13 },
                new RecognizerPattern("card_maestro_12", ShortMaestroRegex(), ShortMaestroScore) { RequiredTraits = TextTraits.SeparatedDigits9 },
            ],
            ["credit", "card", "visa", "mastercard", "cc", "amex", "discover", "jcb", "diners", "maestro", "unionpay", "payment", "creditcard", "card number"],
            TextTraits.SeparatedDigits9)
    {
    }

    /// <inheritdoc />
    protected internal override TextTraits ValidatedSpanTraits => TextTraits.SeparatedDigits9;

    /// <inheritdoc />
    protected override double Validate(string text, int start, int end, double baseScore)
    {
        if (!IsolatedFromWords(text, start, end)) return 0;
        var value = text.AsSpan(start, end - start);
        int digits = CountDigits(value);
        if (digits is < 12 or > 19) return 0;
        if (digits == 12 && baseScore == IssuerScore) return 0; // the Maestro pattern reports it, once
        char separator = '\0';
        foreach (char c in value)
        {
            if (char.IsAsciiDigit(c)) continue;
            if (separator == '\0') separator = c;
            else if (separator != c) return 0;
        }

        if (!Luhn.IsValid(value)) return 0;
        Span<char> number = stackalloc char[19];
        int n = 0;
        foreach (char c in value)
        {
            if (char.IsAsciiDigit(c)) number[n++] = c;
        }

        number = number[..n];
        if (CardIssuers.Matches(number)) return n == 12 ? ShortMaestroScore : IssuerScore;
        return n >= 13 && CardIssuers.HasCardPrefix(number) ? PrefixOnlyScore : 0;
    }

    [GeneratedRegex(@"\b\d{4}(?:[ -]?\d{2,7}){2,4}\b", RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex CardRegex();

    [GeneratedRegex(@"\b(?:5[06-8]|6\d)\d{2}(?:[ -]?\d{4}){2}\b", RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex ShortMaestroRegex();
}
