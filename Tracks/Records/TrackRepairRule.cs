namespace PiiOrleans.Tracks.Records;

/// <summary>A stored repair rule (<c>repair_rules</c> row): applied silently to values with the same pattern hash, for one team or globally (null team).</summary>
public sealed record TrackRepairRule(string PatternHash, string FieldPath, RepairDecision Decision, string? TeamId);
