using Orleans;

namespace PiiOrleans.Tracks;

/// <summary>A stored repair rule as it crosses grain boundaries: pattern hash, team (null = global) and the action as answer text (e.g. <c>extract_key:text</c>).</summary>
[GenerateSerializer, Immutable, Alias("piiorleans.tracks.track-repair-rule-entry")]
public sealed record TrackRepairRuleEntry(string PatternHash, string FieldPath, string? TeamId, string Action);
