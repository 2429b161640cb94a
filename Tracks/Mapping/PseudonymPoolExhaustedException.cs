namespace PiiOrleans.Tracks.Mapping;

/// <summary>More new teams or runs are needed than the pool can still hand out.</summary>
public sealed class PseudonymPoolExhaustedException(string message, string databasePath, PseudonymKind kind, int needed, int available)
    : MappingStoreException(message, databasePath)
{
    /// <summary>The pool that is short.</summary>
    public PseudonymKind Kind { get; } = kind;

    /// <summary>New names needed.</summary>
    public int Needed { get; } = needed;

    /// <summary>Names still free.</summary>
    public int Available { get; } = available;
}
