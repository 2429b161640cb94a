using System.Text.RegularExpressions;

namespace PiiOrleans.Pii.Detection.Recognizers;

/// <summary>US bank account numbers: 8–17 digits. Weak without context ("account", "bank", …): any long number would match.</summary>
public sealed partial class UsBankNumberRecognizer : PatternRecognizer
{
    /// <summary>Creates the recognizer, named <c>UsBankRecognizer</c> as Presidio names its counterpart (<c>GET /recognizers</c>).</summary>
    public UsBankNumberRecognizer()
        : base("UsBankRecognizer", EntityTypes.UsBankNumber,
            [new RecognizerPattern("bank_account", AccountRegex(), 0.2)],
            ["bank", "account", "acct", "checking", "savings", "routing", "deposit", "account number"], TextTraits.DigitRun5)
    {
    }

    /// <inheritdoc />
    protected override double Validate(string text, int start, int end, double baseScore)
    {
        var value = text.AsSpan(start, end - start);
        return IsolatedFromWords(text, start, end) && value.IndexOfAnyExcept(value[0]) >= 0 ? baseScore : 0;
    }

    [GeneratedRegex(@"\b\d{8,17}\b", RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex AccountRegex();
}
