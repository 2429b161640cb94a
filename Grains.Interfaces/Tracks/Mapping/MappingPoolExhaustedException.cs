using Orleans;

namespace PiiOrleans.Grains.Interfaces.Tracks.Mapping;

/// <summary>The mapping's pseudonym pools cannot hold the new teams or runs a job needs; nothing was allocated.</summary>
[GenerateSerializer, Alias("piiorleans.tracks.mapping-pool-exhausted-exception")]
public sealed class MappingPoolExhaustedException(string message) : Exception(message);
