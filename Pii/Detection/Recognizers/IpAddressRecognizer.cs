using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace PiiOrleans.Pii.Detection.Recognizers;

/// <summary>
/// IPv4 dotted quads (each part 0–255, no leading zeros, optional <c>/0</c>–<c>/32</c> prefix) and IPv6 in every form
/// the address parser accepts: full, compressed (<c>::1</c>, <c>fe80::</c>), with an embedded IPv4 (<c>::ffff:10.0.0.1</c>,
/// <c>64:ff9b::192.0.2.33</c>), a zone id (<c>fe80::1%eth0</c>) and a <c>/0</c>–<c>/128</c> prefix. The bare unspecified
/// address <c>::</c> scores only 0.1. A dotted quad inside a longer dotted number (a version, an OID) is not an address.
/// </summary>
public sealed partial class IpAddressRecognizer : PatternRecognizer
{
    private const double UnspecifiedScore = 0.1;

    /// <summary>Creates the recognizer, named <c>IpRecognizer</c> as Presidio names its counterpart (<c>GET /recognizers</c>).</summary>
    public IpAddressRecognizer()
        : base("IpRecognizer", EntityTypes.IpAddress,
            [
                new RecognizerPattern("ipv4", Ipv4Regex(), 0.6) { RequiredTraits = TextTraits.DigitDotDigit },
                new RecognizerPattern("ipv6", Ipv6Regex(), 0.6) { RequiredTraits = TextTraits.HexColonPair },
            ],
            ["ip", "ipv4", "ipv6", "address", "host", "server", "client"], TextTraits.DigitDotDigit | TextTraits.HexColonPair)
    {
    }

    /// <inheritdoc />
    protected override double Validate(string text, int start, int end, double baseScore)
    {
        var value = text.AsSpan(start, end - start);
        return value.Contains(':') ? ValidateV6(value, baseScore) : ValidateV4(text, start, end, baseScore);
    }

    private static double ValidateV4(string text, int start, int end, double baseScore)
    {
        // The IPv4 part of "::ffff:10.0.0.1" belongs to the IPv6 address.
        if (start > 0 && text[start - 1] == ':') return 0;
        // "1.2.3.4.5" (a version or an OID) is not an address.
        if (start > 1 && text[start - 1] == '.' && char.IsAsciiDigit(text[start - 2])) return 0;
        if (end + 1 < text.Length && text[end] == '.' && char.IsAsciiDigit(text[end + 1])) return 0;
        var value = text.AsSpan(start, end - start);
        int slash = value.IndexOf('/');
        if (slash >= 0 && !IsPrefix(value[(slash + 1)..], 32)) return 0;
        return IsDottedQuad(slash >= 0 ? value[..slash] : value) ? baseScore : 0;
    }

    private static double ValidateV6(ReadOnlySpan<char> value, double baseScore)
    {
        int slash = value.IndexOf('/');
        if (slash >= 0)
        {
            if (!IsPrefix(value[(slash + 1)..], 128)) return 0;
            value = value[..slash];
        }

        int zone = value.IndexOf('%');
        if (zone >= 0) value = value[..zone];
        if (value.IndexOfAnyExcept(':') < 0) return value.Length == 2 ? UnspecifiedScore : 0;
        // The parser accepts the embedded IPv4 with leading zeros; an address never has them.
        int lastColon = value.LastIndexOf(':');
        if (value[(lastColon + 1)..].Contains('.') && !IsDottedQuad(value[(lastColon + 1)..])) return 0;
        return IPAddress.TryParse(value, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6 ? baseScore : 0;
    }

    private static bool IsDottedQuad(ReadOnlySpan<char> value)
    {
        int parts = 0;
        foreach (var range in value.Split('.'))
        {
            var p = value[range];
            if (p.Length is 0 or > 3 || (p.Length > 1 && p[0] == '0')) return false; // "01.02.2024" is a date, not an address
            if (!int.TryParse(p, out int n) || n > 255) return false;
            parts++;
        }

        return parts == 4;
    }

    private static bool IsPrefix(ReadOnlySpan<char> digits, int max) =>
        digits.Length is > 0 and <= 3 && (digits.Length == 1 || digits[0] != '0') && int.TryParse(digits, out int n) && n <= max;

    [GeneratedRegex(@"\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}(?:/\d{1,3})?\b", RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex Ipv4Regex();

    // Candidates only: hex groups and colons (two colons at least), an optional embedded IPv4, zone and prefix; the parser
    // decides. The look-ahead makes the embedded IPv4 win over a hex group that is only its first octet.
    [GeneratedRegex(@"(?<![\w:.%])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:(?<=:)\d{1,3}(?:\.\d{1,3}){3})?(?:%[0-9A-Za-z]+)?(?:/\d{1,3})?(?![\w:%]|\.\d)",
        RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex Ipv6Regex();
}
