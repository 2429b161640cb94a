using System.Collections.Immutable;

namespace PiiOrleans.Pii.Configuration;

/// <summary>
/// One entry of <c>entities</c>: what to detect for an entity type (threshold, context, deny/allow lists, extra
/// patterns) and how to anonymize it. <see cref="Key"/> is the JSON property name (informational only).
/// </summary>
public sealed record EntitySettings(
    string Key,
    string EntityType,
    bool Enabled,
    double ConfidenceThreshold,
    ImmutableArray<string> ContextWords,
    ImmutableArray<string> DenyList,
    ImmutableArray<string> AllowList,
    ImmutableArray<string> AllowListRegex,
    ImmutableArray<PatternSettings> RegexPatterns,
    OperatorSettings Operator)
{
    /// <summary>Threshold when the file gives none (the old job's default).</summary>
    public const double DefaultConfidenceThreshold = 0.5;

    /// <summary>An enabled entity with the default threshold, no lists and the given operator.</summary>
    public static EntitySettings Create(string key, string entityType, OperatorSettings op, double threshold = DefaultConfidenceThreshold,
        params string[] contextWords) =>
        new(key, entityType, true, threshold, [.. contextWords], [], [], [], [], op);
}
