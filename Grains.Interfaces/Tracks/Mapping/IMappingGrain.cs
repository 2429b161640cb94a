using Orleans;
using PiiOrleans.Tracks;
using PiiOrleans.Tracks.Mapping;

namespace PiiOrleans.Grains.Interfaces.Tracks.Mapping;

/// <summary>
/// The only writer of one mapping database (key = its full path). Serializes pseudonym allocation, caches every mapping,
/// and batches writes into transactions. All list results are in request order.
/// </summary>
[Alias("piiorleans.tracks.mapping-grain")]
public interface IMappingGrain : IGrainWithStringKey
{
    /// <summary>
    /// Opens the database with <paramref name="options"/> (seed for a new DB, read-only for dry runs). Optional: any other
    /// call opens it with <see cref="MappingOpenOptions.Default"/>. Calling again with different options reopens it.
    /// </summary>
    Task<MappingStatistics> Open(MappingOpenOptions options);

    /// <summary>
    /// Checks before any output is written that every not-yet-mapped team and run of the plan can get a name; throws
    /// <see cref="PseudonymPoolExhaustedException"/> otherwise. Nothing is allocated.
    /// </summary>
    Task<PoolReservation> Reserve(IReadOnlyList<string> teams, IReadOnlyList<string> runs);

    /// <summary>The pseudonyms the given names have or would get, without storing anything (dry-run).</summary>
    Task<AllocationPreview> Preview(IReadOnlyList<string> teams, IReadOnlyList<string> runs);

    /// <summary>Returns the team pseudonyms, creating missing ones in list order. New names are committed before returning.</summary>
    Task<IReadOnlyList<string>> GetOrCreateTeams(IReadOnlyList<string> originals);

    /// <summary>Returns the run pseudonyms, creating missing ones in list order. New names are committed before returning.</summary>
    Task<IReadOnlyList<string>> GetOrCreateRuns(IReadOnlyList<string> originals);

    /// <summary>Existing team pseudonyms (null where none).</summary>
    Task<IReadOnlyList<string?>> LookupTeams(IReadOnlyList<string> originals);

    /// <summary>Existing run pseudonyms (null where none).</summary>
    Task<IReadOnlyList<string?>> LookupRuns(IReadOnlyList<string> originals);

    /// <summary>All mappings in insertion order.</summary>
    Task<MappingTables> GetAll();

    /// <summary>Buffers fingerprints (first one per fingerprint wins); written by the next flush.</summary>
    Task RecordFingerprints(IReadOnlyList<FingerprintRecord> fingerprints);

    /// <summary>The stored record for each fingerprint, or null.</summary>
    Task<IReadOnlyList<FingerprintRecord?>> LookupFingerprints(IReadOnlyList<string> fingerprints);

    /// <summary>Remembers which original team each run belongs to (last one wins); persisted, unlike Track Veil.</summary>
    Task RecordRunTeams(IReadOnlyList<RunTeamAssociation> associations);

    /// <summary>The recorded original team of each run, or null.</summary>
    Task<IReadOnlyList<string?>> GetRunTeams(IReadOnlyList<string> runs);

    /// <summary>The repair rule for <paramref name="patternHash"/>: the team's own rule first, then the global one.</summary>
    Task<RepairRule?> FindRepairRule(string patternHash, string? teamId);

    /// <summary>Saves (replaces) a repair rule; a null or empty team id makes it global.</summary>
    Task SaveRepairRule(RepairRule rule);

    /// <summary>Counts for summaries and <c>show-mapping</c>.</summary>
    Task<MappingStatistics> GetStatistics();

    /// <summary>Writes everything buffered in one transaction.</summary>
    Task Flush();
}
