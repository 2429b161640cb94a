using Orleans;
using PiiOrleans.Grains.Interfaces.Jobs;
using PiiOrleans.Grains.Interfaces.Tracks.Mapping;
using PiiOrleans.Tracks.Mapping;

namespace PiiOrleans.Grains.Tracks;

/// <summary>
/// The only writer of one mapping database (key = its full path). Non-reentrant, so allocation is serialized by the
/// runtime; the store behind it caches every mapping and batches writes. New names are committed before a
/// get-or-create call returns, so no output can mention a pseudonym the database does not have.
/// </summary>
public sealed class MappingGrain : Grain, IMappingGrain
{
    private MappingStore? _store;
    private MappingOpenOptions? _options;

    /// <inheritdoc />
    public Task<MappingStatistics> Open(MappingOpenOptions options)
    {
        if (_store is not null && _options != options)
        {
            _store.Dispose();
            _store = null;
        }

        _options = options;
        try
        {
            return Task.FromResult(Store.GetStatistics());
        }
        catch (MappingStoreException ex)
        {
            // The library's exception stays in this silo; the caller gets one that crosses grain boundaries.
            throw new JobParameterException(ex.Message);
        }
    }

    /// <inheritdoc />
    public Task<PoolReservation> Reserve(IReadOnlyList<string> teams, IReadOnlyList<string> runs)
    {
        try
        {
            return Task.FromResult(Store.Reserve(teams, runs));
        }
        catch (PseudonymPoolExhaustedException ex)
        {
            throw new MappingPoolExhaustedException(ex.Message);
        }
    }

    /// <inheritdoc />
    public Task<AllocationPreview> Preview(IReadOnlyList<string> teams, IReadOnlyList<string> runs) =>
        Task.FromResult(Store.Preview(teams, runs));

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> GetOrCreateTeams(IReadOnlyList<string> originals) =>
        Task.FromResult(GetOrCreate(originals, Store.GetOrCreateTeam));

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> GetOrCreateRuns(IReadOnlyList<string> originals) =>
        Task.FromResult(GetOrCreate(originals, Store.GetOrCreateRun));

    /// <inheritdoc />
    public Task<IReadOnlyList<string?>> LookupTeams(IReadOnlyList<string> originals) =>
        Task.FromResult<IReadOnlyList<string?>>([.. originals.Select(Store.GetTeam)]);

    /// <inheritdoc />
    public Task<IReadOnlyList<string?>> LookupRuns(IReadOnlyList<string> originals) =>
        Task.FromResult<IReadOnlyList<string?>>([.. originals.Select(Store.GetRun)]);

    /// <inheritdoc />
    public Task<MappingTables> GetAll() => Task.FromResult(new MappingTables([.. Store.Teams], [.. Store.Runs]));

    /// <inheritdoc />
    public Task RecordFingerprints(IReadOnlyList<FingerprintRecord> fingerprints)
    {
        Store.RecordFingerprints(fingerprints);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<FingerprintRecord?>> LookupFingerprints(IReadOnlyList<string> fingerprints) =>
        Task.FromResult<IReadOnlyList<FingerprintRecord?>>([.. fingerprints.Select(Store.LookupFingerprint)]);

    /// <inheritdoc />
    public Task RecordRunTeams(IReadOnlyList<RunTeamAssociation> associations)
    {
        foreach (var association in associations)
        {
            Store.RecordRunTeam(association.Run, association.Team);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string?>> GetRunTeams(IReadOnlyList<string> runs) =>
        Task.FromResult<IReadOnlyList<string?>>([.. runs.Select(Store.GetRunTeam)]);

    /// <inheritdoc />
    public Task<RepairRule?> FindRepairRule(string patternHash, string? teamId) =>
        Task.FromResult(Store.FindRepairRule(patternHash, teamId));

    /// <inheritdoc />
    public Task SaveRepairRule(RepairRule rule)
    {
        Store.SaveRepairRule(rule);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<MappingStatistics> GetStatistics() => Task.FromResult(Store.GetStatistics());

    /// <inheritdoc />
    public Task Flush()
    {
        // Nothing to flush here is not success when the writes were made by an activation that was lost.
        Store.Flush();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _store?.Dispose();
        _store = null;
        return Task.CompletedTask;
    }

    // Only an activation that the job opened (with its seed and options) may allocate or record: one that took over from
    // a lost silo has neither the options nor the writes that were still buffered, so the job starts its attempt again.
    private MappingStore Store => _store ??= MappingStore.Open(this.GetPrimaryKeyString(),
        _options ?? throw new WorkLostException("The mapping database's writer"));

    private IReadOnlyList<string> GetOrCreate(IReadOnlyList<string> originals, Func<string, string> getOrCreate)
    {
        var store = Store;
        long createdBefore = store.CreatedMappings;
        var result = new string[originals.Count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = getOrCreate(originals[i]);
        }

        if (store.CreatedMappings != createdBefore)
        {
            // Durable before the caller writes output with these names (Track Veil committed every row for the same reason).
            store.Flush();
        }

        return result;
    }
}
