using System.Text.RegularExpressions;
using PiiOrleans.Pii.Detection.Validation;

namespace PiiOrleans.Pii.Detection.Recognizers;

/// <summary>International bank account numbers, compact or in groups of four, any case; country length and mod-97 checked.</summary>
public sealed partial class IbanRecognizer : PatternRecognizer
{
    /// <summary>Creates the recognizer.</summary>
    public IbanRecognizer()
        : base("IbanRecognizer", EntityTypes.IbanCode,
            [new RecognizerPattern("iban", IbanRegex(), 0.9)],
            ["iban", "bank", "account", "transfer", "wire", "bic", "swift"], TextTraits.Digit)
    {
    }

    /// <inheritdoc />
    protected override double Validate(string text, int start, int end, double baseScore) =>
        Iban.IsValid(text.AsSpan(start, end - start)) ? baseScore : 0;

    [GeneratedRegex(@"\b[A-Za-z]{2}\d{2}(?:[A-Za-z0-9]{11,30}|(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,3})?)\b",
        RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex IbanRegex();
}
