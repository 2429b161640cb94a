using Orleans;

namespace PiiOrleans.Tracks.Mapping;

/// <summary>The original team a run's report content named (runs/ phase), kept for the metadata team-mismatch check.</summary>
[GenerateSerializer, Immutable, Alias("piiorleans.tracks.mapping.run-team-association")]
public sealed record RunTeamAssociation(string Run, string Team);
