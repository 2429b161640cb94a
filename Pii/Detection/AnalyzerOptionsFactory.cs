using PiiOrleans.Pii.Configuration;

namespace PiiOrleans.Pii.Detection;

/// <summary>Turns the loaded PII configuration into <see cref="AnalyzerOptions"/>: enabled entities, thresholds, context words, lists, patterns.</summary>
public static class AnalyzerOptionsFactory
{
    /// <summary>The analyzer options of <paramref name="settings"/>; the global allow lists apply to every entity.</summary>
    public static AnalyzerOptions FromSettings(PiiSettings settings)
    {
        var entities = new Dictionary<string, EntityDetectionSettings>(StringComparer.Ordinal);
        foreach (var e in settings.Entities.Where(e => e.Enabled))
        {
            entities[e.EntityType] = new EntityDetectionSettings
            {
                Threshold = e.ConfidenceThreshold,
                ContextWords = [.. e.ContextWords],
                DenyList = [.. e.DenyList],
                AllowList = [.. e.AllowList, .. settings.AllowList],
                AllowListPatterns = [.. e.AllowListRegex, .. settings.AllowListRegex],
                Patterns = e.RegexPatterns.Select(p => new CustomPattern(p.Name, p.Regex, p.Score)).ToArray(),
            };
        }
        return new AnalyzerOptions
        {
            EnabledEntities = settings.EnabledEntityTypes.ToHashSet(StringComparer.Ordinal),
            Entities = entities,
        };
    }
}
