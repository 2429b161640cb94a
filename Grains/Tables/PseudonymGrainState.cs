using Orleans;
using PiiOrleans.Tables;

namespace PiiOrleans.Grains.Tables;

/// <summary>
/// What a <see cref="PseudonymGrain"/> persists: its store's keys and file, so that the activation that takes over
/// after a silo died can reopen the store. Cleared when the job closes the allocator.
/// </summary>
[GenerateSerializer, Alias("piiorleans.tables.pseudonym-grain-state")]
public sealed record PseudonymGrainState(PseudonymStoreKeys? Keys, string? Path)
{
    /// <summary>An allocator that has not opened a store.</summary>
    public PseudonymGrainState()
        : this(null, null)
    {
    }
}
