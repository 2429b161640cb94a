using Orleans;

namespace PiiOrleans.Tracks.Mapping;

/// <summary>Every team and run mapping of a store, each list in insertion (row) order.</summary>
[GenerateSerializer, Immutable, Alias("piiorleans.tracks.mapping.mapping-tables")]
public sealed record MappingTables(IReadOnlyList<MappingPair> Teams, IReadOnlyList<MappingPair> Runs);
