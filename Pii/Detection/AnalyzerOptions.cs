namespace PiiOrleans.Pii.Detection;

/// <summary>
/// What the analyzer detects and how strictly. Built from the PII configuration
/// or in code; <see cref="Default"/> detects every built-in span entity with the default threshold.
/// </summary>
public sealed record AnalyzerOptions
{
    /// <summary>The threshold for entities without their own.</summary>
    public const double DefaultThresholdValue = 0.5;

    /// <summary>Every built-in entity, default threshold.</summary>
    public static AnalyzerOptions Default { get; } = new();

    /// <summary>Enabled entity types; null = every entity any registered recognizer supports.</summary>
    public IReadOnlySet<string>? EnabledEntities { get; init; }

    /// <summary>Per-entity settings (keyed by entity type, case-sensitive as in Presidio).</summary>
    public IReadOnlyDictionary<string, EntityDetectionSettings> Entities { get; init; } = new Dictionary<string, EntityDetectionSettings>();

    /// <summary>Threshold for entities without settings of their own.</summary>
    public double DefaultThreshold { get; init; } = DefaultThresholdValue;

    /// <summary>Number of words before a match searched for context words (Presidio: 5).</summary>
    public int ContextWordsBefore { get; init; } = 6;

    /// <summary>Number of words after a match searched for context words.</summary>
    public int ContextWordsAfter { get; init; } = 2;

    /// <summary>Score added when context is found (then capped at 1.0 and raised to at least <see cref="MinScoreWithContext"/>).</summary>
    public double ContextBoost { get; init; } = 0.35;

    /// <summary>Lowest score of a result with supporting context.</summary>
    public double MinScoreWithContext { get; init; } = 0.4;

    /// <summary>The threshold that applies to <paramref name="entity"/>.</summary>
    public double ThresholdFor(string entity) =>
        Entities.TryGetValue(entity, out var s) && s.Threshold is { } t ? t : DefaultThreshold;
}
