namespace PiiOrleans.Grains.Interfaces.Tracks.Mapping;

/// <summary>The original team a run's report content named (runs/ phase), kept for the metadata team-mismatch check.</summary>
public sealed record RunTeamAssociation(string Run, string Team);
