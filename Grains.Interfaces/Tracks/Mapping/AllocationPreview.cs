namespace PiiOrleans.Grains.Interfaces.Tracks.Mapping;

/// <summary>The pseudonyms a batch of teams and runs has or would get (dry-run), in request order; nothing is stored.</summary>
public sealed record AllocationPreview(IReadOnlyList<MappingPair> Teams, IReadOnlyList<MappingPair> Runs);
