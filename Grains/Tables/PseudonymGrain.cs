using Orleans;
using Orleans.Runtime;
using PiiOrleans.Grains.Interfaces.Jobs;
using PiiOrleans.Grains.Interfaces.Tables;
using PiiOrleans.Grains.Jobs;
using PiiOrleans.Tables;

namespace PiiOrleans.Grains.Tables;

/// <summary>
/// The job's pseudonym allocator (key: job id). Owns the job's durable <see cref="SqlitePseudonymStore"/> (a file in
/// the output directory, sealed under keys kept in this grain's state) and an engine that writes into it. Not
/// reentrant: allocations happen one batch at a time, in the order the table grain sends them. The store is committed
/// at each <see cref="Checkpoint"/> (after every table); an activation that takes over after its silo died reopens it
/// from there and accepts only a table's first batch, so allocations always replay in table order.
/// </summary>
public sealed class PseudonymGrain(
    [PersistentState("pseudonyms", JobStorage.Name)] IPersistentState<PseudonymGrainState> state,
    ITablesEngineFactory factory) : Grain, IPseudonymGrain
{
    private SqlitePseudonymStore? _store;
    private BatchAnonymizer? _anonymizer;
    private string? _digest;
    private string? _expectedTable;
    private long _expectedSequence;

    /// <inheritdoc />
    public async Task<TableBatchResult> Allocate(string scratchDirectory, TableBatch batch, TableBatchResult partial)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Sequence != 0 && (batch.Table != _expectedTable || batch.Sequence != _expectedSequence))
        {
            // This activation did not see the table's earlier batches (it took over from a lost silo, as of the last
            // checkpoint): allocating now would change the order. The job redoes the table from its first batch.
            throw new WorkLostException($"Pseudonyms of table {batch.Table}");
        }

        if (_anonymizer is null)
        {
            await OpenAsync(scratchDirectory, batch.Engine);
        }
        else if (!string.Equals(_digest, batch.Engine.Digest, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("A tables job's batches must all use the job's configuration.");
        }

        var result = _anonymizer!.ProcessPseudonyms(batch, partial);
        _expectedTable = batch.Table;
        _expectedSequence = batch.Sequence + 1;
        return result;
    }

    /// <inheritdoc />
    public Task Checkpoint()
    {
        _store?.Checkpoint();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task Close()
    {
        Release(deleteFile: true);
        if (state.RecordExists && state.State.Path is { } path)
        {
            // A store opened by an earlier activation that this one never reopened.
            DeleteStore(path);
        }

        await state.ClearStateAsync();
        DeactivateOnIdle();
    }

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // The file and the keys stay: a resumed job's next activation reopens the store as of its last checkpoint.
        Release(deleteFile: false);
        return Task.CompletedTask;
    }

    private async Task OpenAsync(string scratchDirectory, TablesEngineSpec engine)
    {
        if (!state.RecordExists || state.State.Keys is null || state.State.Path is null)
        {
            var name = $".pseudonyms.{SafeFileName.Of(this.GetPrimaryKeyString())}.tmp";
            state.State = new PseudonymGrainState(PseudonymStoreKeys.Create(), Path.Combine(Path.GetFullPath(scratchDirectory), name));
            // A file of an earlier run of this job id, under keys that are gone, cannot be reopened: start empty.
            DeleteStore(state.State.Path!);
            await state.WriteStateAsync();
        }

        // The engine needs the store and tells whether it runs the model; the store opens its file only on first use.
        _store = new SqlitePseudonymStore(state.State.Path!, state.State.Keys!);
        var setup = factory.Create(engine, _store);
        _store.PageCacheKilobytes = TablesPageCaches.PseudonymStore(setup.UsesNerModel);
        _anonymizer = new BatchAnonymizer(setup.Anonymizer);
        _digest = engine.Digest;
    }

    private static void DeleteStore(string path)
    {
        foreach (var file in new[] { path, path + "-journal" })
        {
            if (File.Exists(file))
            {
                File.Delete(file);
            }
        }
    }

    private void Release(bool deleteFile)
    {
        _store?.Close(deleteFile);
        _store = null;
        _anonymizer = null;
        _digest = null;
        _expectedTable = null;
        _expectedSequence = 0;
    }
}
