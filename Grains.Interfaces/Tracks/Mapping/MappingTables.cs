namespace PiiOrleans.Grains.Interfaces.Tracks.Mapping;

/// <summary>Every team and run mapping of a store, each list in insertion (row) order.</summary>
public sealed record MappingTables(IReadOnlyList<MappingPair> Teams, IReadOnlyList<MappingPair> Runs);
