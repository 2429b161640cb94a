using System.Text.RegularExpressions;
using PiiOrleans.Pii.Detection.Validation;

namespace PiiOrleans.Pii.Detection.Recognizers;

/// <summary>Bitcoin addresses: legacy/P2SH Base58Check (<c>1…</c>, <c>3…</c>) and segwit Bech32/Bech32m (<c>bc1…</c>), checksums verified.</summary>
public sealed partial class CryptoRecognizer : PatternRecognizer
{
    /// <summary>Creates the recognizer.</summary>
    public CryptoRecognizer()
        : base("CryptoRecognizer", EntityTypes.Crypto,
            [new RecognizerPattern("btc_base58", Base58Regex(), 1.0), new RecognizerPattern("btc_bech32", Bech32Regex(), 1.0)],
            ["wallet", "btc", "bitcoin", "crypto", "address"], TextTraits.Digit)
    {
    }

    /// <inheritdoc />
    protected override double Validate(string text, int start, int end, double baseScore)
    {
        var value = text.AsSpan(start, end - start);
        bool ok = value[0] is '1' or '3' ? BitcoinAddress.IsValidBase58Check(value) : BitcoinAddress.IsValidBech32(value);
        return ok ? baseScore : 0;
    }

    [GeneratedRegex(@"\b[13][1-9A-HJ-NP-Za-km-z]{25,34}\b", RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex Base58Regex();

    [GeneratedRegex(@"\b(?:bc|tb)1[02-9ac-hj-np-z]{6,87}\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, RegexTimeoutMs)]
    private static partial Regex Bech32Regex();
}
