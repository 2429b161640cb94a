using System.Text.RegularExpressions;

namespace PiiOrleans.Pii.Detection.Recognizers;

/// <summary>Amounts of money: a currency symbol or ISO code/word next to a number (<c>$1,250.00</c>, <c>€ 30</c>, <c>500 USD</c>, <c>20 dollars</c>).</summary>
public sealed partial class MoneyRecognizer : PatternRecognizer
{
    /// <summary>Creates the recognizer.</summary>
    public MoneyRecognizer()
        : base("MoneyRecognizer", EntityTypes.Money,
            [new RecognizerPattern("money_symbol", SymbolRegex(), 0.8), new RecognizerPattern("money_code", CodeRegex(), 0.7)],
            ["money", "amount", "price", "cost", "salary", "paid", "pay", "balance", "income", "fee", "total"], TextTraits.Digit)
    {
    }

    private const string Amount = @"\d{1,3}(?:[,.' ]\d{3})*(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?";

    [GeneratedRegex(@"(?:[$€£¥₹₩₽]|\b(?:US|CA|AU|NZ|HK|S)\$)\s?(?:" + Amount + @")(?:\s?(?:k|m|bn|million|billion)\b)?",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, RegexTimeoutMs)]
    private static partial Regex SymbolRegex();

    [GeneratedRegex(@"\b(?:(?:" + Amount + @")\s?(?:USD|EUR|GBP|JPY|CHF|CAD|AUD|CNY|INR|SEK|NOK|DKK|PLN|BRL|dollars?|euros?|pounds?|yen|francs?|rupees?)|(?:USD|EUR|GBP|JPY|CHF|CAD|AUD|CNY|INR|SEK|NOK|DKK|PLN|BRL)\s?(?:" + Amount + @"))\b",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, RegexTimeoutMs)]
    private static partial Regex CodeRegex();
}
