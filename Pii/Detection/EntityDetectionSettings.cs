namespace PiiOrleans.Pii.Detection;

/// <summary>
/// Detection settings of one entity type: threshold, extra context words, deny list (always this entity), allow list
/// (never reported: exact values, case-insensitive, and regexes matching the whole value) and custom patterns.
/// </summary>
public sealed record EntityDetectionSettings
{
    /// <summary>Results scoring below this are dropped.</summary>
    public double? Threshold { get; init; }

    /// <summary>Words added to the recognizer's own context words.</summary>
    public IReadOnlyList<string> ContextWords { get; init; } = [];

    /// <summary>Terms always reported as this entity (case-insensitive, whole words), score 1.0.</summary>
    public IReadOnlyList<string> DenyList { get; init; } = [];

    /// <summary>Values never reported as this entity (exact, case-insensitive).</summary>
    public IReadOnlyList<string> AllowList { get; init; } = [];

    /// <summary>Regexes; a result whose whole value matches one is never reported.</summary>
    public IReadOnlyList<string> AllowListPatterns { get; init; } = [];

    /// <summary>Extra regexes that find this entity.</summary>
    public IReadOnlyList<CustomPattern> Patterns { get; init; } = [];
}
