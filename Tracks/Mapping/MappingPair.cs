using Orleans;

namespace PiiOrleans.Tracks.Mapping;

/// <summary>One stored mapping: an original team or run name and its pseudonym.</summary>
[GenerateSerializer, Immutable, Alias("piiorleans.tracks.mapping.mapping-pair")]
public sealed record MappingPair(string Original, string Anonymized);
