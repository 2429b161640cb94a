namespace PiiOrleans.Pii.Anonymization;

/// <summary>
/// The job's pseudonym mapping: one surrogate per (entity type, original value), never the same surrogate for two
/// originals (so PRIMARY KEY / UNIQUE columns and joins survive). Implementations are thread-safe; the tables
/// pipeline may persist one.
/// </summary>
public interface IPseudonymStore
{
    /// <summary>
    /// The surrogate of (<paramref name="entityType"/>, <paramref name="original"/>): the stored one, or else the first
    /// candidate <paramref name="factory"/> produces (attempt 0, 1, …) that no other original uses yet.
    /// </summary>
    string GetOrAdd(string entityType, string original, ISurrogateFactory factory);

    /// <summary>The original behind <paramref name="surrogate"/>, when this store issued it.</summary>
    bool TryGetOriginal(string entityType, string surrogate, out string original);

    /// <summary>Number of mappings held.</summary>
    int Count { get; }

    /// <summary>A snapshot of the mappings (for persisting or exporting the reversal table).</summary>
    IReadOnlyList<PseudonymEntry> Snapshot();
}
