using System.Net;
using System.Text.RegularExpressions;

namespace PiiOrleans.Pii.Detection.Recognizers;

/// <summary>IPv4 dotted quads (each part 0–255) and IPv6 addresses (full, compressed, IPv4-mapped), parsed to confirm.</summary>
public sealed partial class IpAddressRecognizer : PatternRecognizer
{
    /// <summary>Creates the recognizer.</summary>
    public IpAddressRecognizer()
        : base("IpAddressRecognizer", EntityTypes.IpAddress,
            [
                new RecognizerPattern("ipv4", Ipv4Regex(), 0.85) { RequiredTraits = TextTraits.DigitDotDigit },
                new RecognizerPattern("ipv6", Ipv6Regex(), 0.85) { RequiredTraits = TextTraits.HexColonPair },
            ],
            ["ip", "ipv4", "ipv6", "address", "host", "server", "client"], TextTraits.DigitDotDigit | TextTraits.HexColonPair)
    {
    }

    /// <inheritdoc />
    protected override double Validate(string text, int start, int end, double baseScore)
    {
        var value = text.AsSpan(start, end - start);
        bool v6 = value.Contains(':');
        if (!v6)
        {
            // "1.2.3.4.5" (a version or an OID) is not an address.
            if (start > 1 && text[start - 1] == '.' && char.IsAsciiDigit(text[start - 2])) return 0;
            if (end + 1 < text.Length && text[end] == '.' && char.IsAsciiDigit(text[end + 1])) return 0;
            foreach (var part in value.Split('.'))
            {
                var p = value[part];
                if (p.Length > 1 && p[0] == '0') return 0; // "01.02.2024" is a date, not an address
                if (!int.TryParse(p, out int n) || n > 255) return 0;
            }
            return baseScore;
        }
        if (value.Length < 3 || value.IndexOfAnyExcept(':') < 0) return 0; // a bare "::"
        if (start > 0 && (char.IsAsciiHexDigit(text[start - 1]) || text[start - 1] == ':')) return 0;
        if (end < text.Length && (char.IsAsciiHexDigit(text[end]) || text[end] == ':')) return 0;
        return IPAddress.TryParse(value, out var address) && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 && ColonGroups(value) >= 3
            ? baseScore : 0;
    }

    private static int ColonGroups(ReadOnlySpan<char> value) => value.Count(':');

    [GeneratedRegex(@"\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b", RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex Ipv4Regex();

    [GeneratedRegex(@"(?:[0-9A-Fa-f]{1,4}:|::?)(?:[0-9A-Fa-f]{0,4}:){1,7}(?:[0-9A-Fa-f]{1,4}|\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})?",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, RegexTimeoutMs)]
    private static partial Regex Ipv6Regex();
}
