using Orleans;

namespace PiiOrleans.Tracks.Mapping;

/// <summary>The pseudonyms a batch of teams and runs has or would get (dry-run), in request order; nothing is stored.</summary>
[GenerateSerializer, Immutable, Alias("piiorleans.tracks.mapping.allocation-preview")]
public sealed record AllocationPreview(IReadOnlyList<MappingPair> Teams, IReadOnlyList<MappingPair> Runs);
