using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PiiOrleans.Pii.Anonymization;

/// <summary>
/// Realistic fake surrogates of the same shape, derived from HMAC-SHA256(job seed, entity, value, attempt) so a
/// job seed always gives the same surrogate: names → fake names, e-mails → fake addresses on reserved example
/// domains, IPs → private-range addresses, URLs → example.com sites, cards → Luhn-valid numbers, everything else →
/// same layout with digits and letters replaced.
/// </summary>
public sealed class FakeSurrogateFactory : ISurrogateFactory
{
    private static readonly string[] FirstNames =
    [
        "Avery", "Blake", "Casey", "Dana", "Elliot", "Finley", "Gray", "Harper", "Indigo", "Jordan", "Kendall", "Logan",
        "Morgan", "Noel", "Oakley", "Parker", "Quinn", "Reese", "Rowan", "Sage", "Skyler", "Taylor", "Toby", "Val",
        "Wren", "Ari", "Bailey", "Cameron", "Drew", "Emery", "Frankie", "Hayden", "Jamie", "Jesse", "Kai", "Lane",
        "Marlow", "Nico", "Peyton", "Remy", "Robin", "Shay", "Sidney", "Tatum", "Vesper", "Winter", "Yael", "Zion",
    ];

    private static readonly string[] LastNames =
    [
        "Ashdown", "Birchwood", "Calloway", "Dunmore", "Ellery", "Fairbank", "Glenross", "Hollins", "Ingleby",
        "Jessop", "Kingsley", "Larkspur", "Merriman", "Northcott", "Oakhurst", "Pembury", "Quimby", "Redfern",
        "Stanmore", "Thackery", "Underhill", "Vantage", "Whitlock", "Yardley", "Ambrose", "Blackwood", "Crane",
        "Darrow", "Everly", "Fenwick", "Garrow", "Hartwell", "Ivers", "Juniper", "Kettering", "Lowell", "Marsh",
        "Nettle", "Orwell", "Prescott", "Rainer", "Sterling", "Tamsin", "Upton", "Verity", "Wexford", "Yeats", "Zeller",
    ];

    private static readonly string[] Places =
    [
        "Ashford", "Brookhaven", "Cedar Falls", "Dunmore", "Eastwick", "Fairview", "Glenwood", "Harborview",
        "Ironbridge", "Juniper Hills", "Kingsport", "Lakemont", "Millbrook", "Northfield", "Oakridge", "Pinecrest",
        "Queensbury", "Riverton", "Stonehaven", "Thornbury", "Upton Vale", "Westmere", "Yarrowby", "Zephyr Bay",
    ];

    private static readonly string[] Streets = ["Maple", "Oak", "Cedar", "Elm", "Willow", "Birch", "Aspen", "Hazel", "Linden", "Poplar"];

    private static readonly string[] StreetSuffixes = ["St", "Ave", "Rd", "Ln", "Way", "Ct", "Pl", "Blvd"];

    private static readonly string[] ExampleDomains = ["example.com", "example.org", "example.net"];

    // Lower-cased once: e-mails and URLs would otherwise lower-case two names per candidate.
    private static readonly string[] LowerFirstNames = [.. FirstNames.Select(n => n.ToLowerInvariant())];
    private static readonly string[] LowerLastNames = [.. LastNames.Select(n => n.ToLowerInvariant())];

    private readonly Lazy<byte[]> _key;

    /// <summary>Creates a factory for the job whose secret seed is <paramref name="seed"/>.</summary>
    public FakeSurrogateFactory(string seed)
        : this(() => seed)
    {
    }

    /// <summary>
    /// Creates a factory whose seed is computed by <paramref name="seed"/> when the first surrogate is derived (once):
    /// a seed that costs a pass over the input is not paid by jobs that never pseudonymize.
    /// </summary>
    public FakeSurrogateFactory(Func<string> seed) => _key = new Lazy<byte[]>(() => Encoding.UTF8.GetBytes(seed()));

    /// <inheritdoc />
    public string Create(string entityType, string original, int sequence, int attempt)
    {
        var random = new SurrogateRandom(Derive(entityType, original, attempt));

        // After a few collisions the pools are exhausted for this value: suffix the unique sequence number.
        var suffix = attempt < 8 ? string.Empty : sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return entityType switch
        {
            "PERSON" => FakeName(original, random) + (suffix.Length > 0 ? " " + suffix : string.Empty),
            "EMAIL_ADDRESS" => FakeEmail(random, suffix),
            "IP_ADDRESS" => FakeIp(original, random),
            "URL" => $"https://{LowerLastNames[random.Next(LowerLastNames.Length)]}{random.Next(1000)}{suffix}.example.com",
            "LOCATION" or "STREET_ADDRESS" or "ADDRESS" => FakeLocation(original, random) + (suffix.Length > 0 ? " " + suffix : string.Empty),
            "CREDIT_CARD" => LuhnFix(SameShape(original, random)),
            _ => SameShape(original, random) + suffix,
        };
    }

    // HMAC over UTF-8("entity NUL original NUL attempt"), encoded in place: a store tries several candidates per value
    // once a pool fills up, and each used to cost three intermediate strings and arrays.
    private byte[] Derive(string entityType, string original, int attempt)
    {
        var length = Encoding.UTF8.GetMaxByteCount(entityType.Length + original.Length + 2) + 11;
        var rented = length > 512 ? ArrayPool<byte>.Shared.Rent(length) : null;
        Span<byte> buffer = rented ?? stackalloc byte[512];
        var written = Encoding.UTF8.GetBytes(entityType, buffer);
        buffer[written++] = 0;
        written += Encoding.UTF8.GetBytes(original, buffer[written..]);
        buffer[written++] = 0;
        attempt.TryFormat(buffer[written..], out var digits, default, CultureInfo.InvariantCulture);
        var hash = HMACSHA256.HashData(_key.Value, buffer[..(written + digits)]);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return hash;
    }

    private static string FakeName(string original, SurrogateRandom random)
    {
        var tokens = original.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var first = FirstNames[random.Next(FirstNames.Length)];
        var last = LastNames[random.Next(LastNames.Length)];
        var name = tokens.Length switch
        {
            <= 1 => first,
            2 => $"{first} {last}",
            _ => $"{first} {(char)('A' + random.Next(26))}. {last}",
        };
        return original.Length > 1 && original.Any(char.IsLetter) && original.Where(char.IsLetter).All(char.IsUpper)
            ? name.ToUpperInvariant()
            : name;
    }

    private static string FakeEmail(SurrogateRandom random, string suffix) =>
        $"{LowerFirstNames[random.Next(LowerFirstNames.Length)]}.{LowerLastNames[random.Next(LowerLastNames.Length)]}" +
        $"{random.Next(100)}{suffix}@{ExampleDomains[random.Next(ExampleDomains.Length)]}";

    private static string FakeIp(string original, SurrogateRandom random) => original.Contains(':', StringComparison.Ordinal)
        ? $"fd00:{random.Next(65536):x}:{random.Next(65536):x}::{random.Next(65536):x}"
        : $"10.{random.Next(256)}.{random.Next(256)}.{1 + random.Next(254)}";

    private static string FakeLocation(string original, SurrogateRandom random)
    {
        var place = Places[random.Next(Places.Length)];
        return original.Length > 0 && char.IsDigit(original[0])
            ? $"{1 + random.Next(9999)} {Streets[random.Next(Streets.Length)]} {StreetSuffixes[random.Next(StreetSuffixes.Length)]}, {place}"
            : place;
    }

    /// <summary>Digits → random digits (first digit non-zero if it was), letters → random letters of the same case, rest kept.</summary>
    private static string SameShape(string original, SurrogateRandom random)
    {
        var chars = original.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (char.IsAsciiDigit(c))
            {
                chars[i] = (char)((c == '0' ? '0' : '1') + random.Next(c == '0' ? 10 : 9));
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                chars[i] = (char)('A' + random.Next(26));
            }
            else if (char.IsAsciiLetterLower(c))
            {
                chars[i] = (char)('a' + random.Next(26));
            }
        }

        return new string(chars);
    }

    /// <summary>Rewrites the last digit so the digit sequence passes the Luhn check, as real card numbers do.</summary>
    private static string LuhnFix(string card)
    {
        var chars = card.ToCharArray();
        var lastDigit = Array.FindLastIndex(chars, char.IsAsciiDigit);
        if (lastDigit < 0)
        {
            return card;
        }

        var sum = 0;
        var doubleIt = true;
        for (var i = lastDigit - 1; i >= 0; i--)
        {
            if (!char.IsAsciiDigit(chars[i]))
            {
                continue;
            }

            var d = chars[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        chars[lastDigit] = (char)('0' + ((10 - (sum % 10)) % 10));
        return new string(chars);
    }

    /// <summary>A tiny deterministic generator over the HMAC bytes (extended by re-hashing when used up).</summary>
    private sealed class SurrogateRandom(byte[] seed)
    {
        private byte[] _bytes = seed;
        private int _position;

        public int Next(int exclusiveMax)
        {
            if (_position + 4 > _bytes.Length)
            {
                _bytes = SHA256.HashData(_bytes);
                _position = 0;
            }

            var value = BitConverter.ToUInt32(_bytes, _position);
            _position += 4;
            return (int)(value % (uint)exclusiveMax);
        }
    }
}
