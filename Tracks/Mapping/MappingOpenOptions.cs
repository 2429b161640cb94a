using Orleans;

namespace PiiOrleans.Tracks.Mapping;

/// <summary>
/// How to open a mapping store. <paramref name="Seed"/> is used for a new database and must match the stored seed of an
/// existing one; <paramref name="ReadOnly"/> never writes (a missing file reads as empty);
/// <paramref name="AllowPoolExtension"/> lets allocation go past Track Veil's 999 teams / 2,055 runs.
/// </summary>
[GenerateSerializer, Immutable, Alias("piiorleans.tracks.mapping.mapping-open-options")]
public sealed record MappingOpenOptions(long? Seed = null, bool ReadOnly = false, bool AllowPoolExtension = true)
{
    /// <summary>Writable, random seed for a new database, extension allowed.</summary>
    public static MappingOpenOptions Default { get; } = new();
}
