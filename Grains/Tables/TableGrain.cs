using Orleans;
using PiiOrleans.Grains.Interfaces.Tables;
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
        _copier?.Dispose();
        var grains = GrainFactory;
        var pseudonyms = grains.GetGrain<IPseudonymGrain>(work.JobId);
        var scratch = Path.GetDirectoryName(Path.GetFullPath(work.OutputPath))!;
        _copier = TableCopier.Open(work, engines.Get(work.Engine).Anonymizer,
            batch => grains.GetGrain<IBatchGrain>($"{batch.JobId}/{batch.Table}/{batch.Sequence}").Process(batch),
            (batch, partial) => pseudonyms.Allocate(scratch, batch, partial));
        return Task.FromResult(_copier.Progress);
    }

    /// <inheritdoc />
    public Task<TableProgress> ProcessNext() =>
        (_copier ?? throw new InvalidOperationException("Open the table before processing it.")).ProcessNextAsync();

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
