using PiiOrleans.Pii.Configuration;

namespace PiiOrleans.Tables;

/// <summary>
/// Keeps a validated match (e-mail, card, IBAN, SSN, IP, phone) from being pushed out by a configured threshold: a
/// threshold above the re-scan's is lowered to it, so whatever the re-scan would call a leak is anonymized first.
/// </summary>
public static class ValidatedEntityThresholds
{
    /// <summary><paramref name="settings"/> with every validated entity's threshold at most <see cref="PiiCellAnonymizer.LeakScore"/>.</summary>
    public static PiiSettings Cap(PiiSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var validated = PiiCellAnonymizer.VerifiedEntities;
        if (!settings.Entities.Any(e => validated.Contains(e.EntityType) && e.ConfidenceThreshold > PiiCellAnonymizer.LeakScore))
        {
            return settings;
        }

        return settings with
        {
            Entities = [.. settings.Entities.Select(e => validated.Contains(e.EntityType) && e.ConfidenceThreshold > PiiCellAnonymizer.LeakScore
                ? e with { ConfidenceThreshold = PiiCellAnonymizer.LeakScore }
                : e)],
        };
    }
}
