using Orleans;
using PiiOrleans.Grains.Interfaces.Jobs;
using PiiOrleans.Grains.Interfaces.Tables;
using PiiOrleans.Grains.Jobs;
using PiiOrleans.Tables;

namespace PiiOrleans.Grains.Tables;

/// <summary>
/// One table of one job (key <c>jobId/table</c>): owns the table's read cursor and its output writer, fans batches out
/// to keyed <see cref="IBatchGrain"/>s (one per batch, placed anywhere in the cluster), has the job's
/// <see cref="IPseudonymGrain"/> finish them in table order, and writes them in the original order. The copy logic is
/// <see cref="TableCopier"/>.
/// </summary>
public sealed class TableGrain(TablesEngineCache engines) : Grain, ITableGrain
{
    private TableCopier? _copier;

    /// <inheritdoc />
    public Task<TableProgress> Open(TableWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        SharedVolume.RequireVisible(work.InputPath, "input", RuntimeIdentity);
        SharedVolume.RequireVisible(work.OutputPath, "temporary output", RuntimeIdentity);
        _copier?.Dispose();
        var grains = GrainFactory;
        var pseudonyms = grains.GetGrain<IPseudonymGrain>(work.JobId);
        var scratch = Path.GetDirectoryName(Path.GetFullPath(work.OutputPath))!;
        var setup = engines.Get(work.Engine);
        _copier = TableCopier.Open(work, setup.Anonymizer,
            batch => ProcessBatchAsync(grains, batch),
            (batch, partial) => pseudonyms.Allocate(scratch, batch, partial),
            TablesPageCaches.Output(setup.UsesNerModel));
        return Task.FromResult(_copier.Progress);
    }

    // A batch is pure work (rows in, anonymized rows out): when the silo analysing it is lost, it is sent again and
    // lands on a live one, instead of the whole table being redone.
    private static async Task<TableBatchResult> ProcessBatchAsync(IGrainFactory grains, TableBatch batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await grains.GetGrain<IBatchGrain>($"{batch.JobId}/{batch.Table}/{batch.Sequence}").Process(batch);
            }
            catch (Exception e) when (attempt < MaxBatchAttempts && SiloLoss.IsSiloLoss(e))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500 * attempt));
            }
        }
    }

    private const int MaxBatchAttempts = 4;

    /// <inheritdoc />
    public Task<TableProgress> ProcessNext() =>
        // Without a copier this activation took over from one lost with its silo: the job redoes the table.
        (_copier ?? throw new WorkLostException($"Table {this.GetPrimaryKeyString()}")).ProcessNextAsync();

    /// <inheritdoc />
    public Task Close()
    {
        _copier?.Dispose();
        _copier = null;
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _copier?.Dispose();
        _copier = null;
        return Task.CompletedTask;
    }
}
