using PiiOrleans.Pii.Detection;

namespace PiiOrleans.Pii.Configuration;

/// <summary>
/// The entity types a configuration may name without defining them: what the built-in recognizers, the NER model and
/// column profiling emit. A typo ("EMAIL") would otherwise switch an entity off silently.
/// </summary>
public static class KnownEntityTypes
{
    /// <summary>Every built-in entity type.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        EntityTypes.Person, EntityTypes.Location, EntityTypes.StreetAddress, EntityTypes.Organization, EntityTypes.Nrp,
        EntityTypes.EmailAddress, EntityTypes.PhoneNumber, EntityTypes.UsSsn, EntityTypes.CreditCard, EntityTypes.IbanCode,
        EntityTypes.IpAddress, EntityTypes.Url, EntityTypes.DateTime, EntityTypes.Money, EntityTypes.Crypto, EntityTypes.UsBankNumber,
        EntityTypes.UsDriverLicense, EntityTypes.UsPassport, EntityTypes.UsItin, EntityTypes.Username, EntityTypes.Password,
        EntityTypes.NationalId, EntityTypes.DateOfBirth, EntityTypes.MothersMaidenName, EntityTypes.CardVerificationCode,
        EntityTypes.CardExpiry, EntityTypes.VehiclePlate, EntityTypes.Identifier, EntityTypes.Title, EntityTypes.Age,
    };

    /// <summary>
    /// Names configurations written for spaCy-based Presidio use (the shipped Vana sample says "ORG"), and the entity
    /// type our recognizers emit for them.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Aliases { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ORG"] = EntityTypes.Organization,
        ["PER"] = EntityTypes.Person,
        ["LOC"] = EntityTypes.Location,
        ["GPE"] = EntityTypes.Location,
        ["NORP"] = EntityTypes.Nrp,
    };

    /// <summary>The known type closest to <paramref name="entityType"/>, or null when none is close.</summary>
    public static string? Closest(string entityType)
    {
        ArgumentNullException.ThrowIfNull(entityType);
        var upper = entityType.Trim().ToUpperInvariant().Replace('-', '_').Replace(' ', '_');
        if (All.Contains(upper))
        {
            return upper;
        }

        // "EMAIL" → EMAIL_ADDRESS, "SSN" → US_SSN: a known name that contains the given one as a word.
        var containing = All.Where(k => upper.Length >= 2 && k.Split('_').Contains(upper)).Order(StringComparer.Ordinal).FirstOrDefault();
        if (containing is not null)
        {
            return containing;
        }

        var best = All.Select(k => (Known: k, Distance: Distance(upper, k))).OrderBy(x => x.Distance).ThenBy(x => x.Known, StringComparer.Ordinal).First();
        return best.Distance <= Math.Max(2, upper.Length / 3) ? best.Known : null;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
