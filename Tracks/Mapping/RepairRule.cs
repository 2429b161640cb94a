using Orleans;

namespace PiiOrleans.Tracks.Mapping;

/// <summary>
/// A remembered repair for a malformed field (a <c>repair_rules</c> row). <paramref name="TeamId"/> null means a global rule;
/// <paramref name="Parameters"/> is JSON text such as <c>{"key": "text"}</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("piiorleans.tracks.mapping.repair-rule")]
public sealed record RepairRule(
    string PatternHash,
    string FieldPath,
    string OriginalType,
    string ExpectedType,
    string Action,
    string Parameters,
    string? SampleValue,
    string? TeamId);
