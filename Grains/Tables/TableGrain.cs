using PiiOrleans.Grains.Interfaces.Tables;
using PiiOrleans.Runtime;

namespace PiiOrleans.Grains.Tables;

/// <summary>
/// One table of one job (key <c>jobId/table</c>): owns the table's read cursor and its output writer and fans batches
/// out to <see cref="IBatchGrain"/> workers. The copy logic is <see cref="TableCopier"/>.
/// </summary>
public sealed class TableGrain(TablesEngineRegistry engines) : Grain, ITableGrain
{
    private TableCopier? _copier;

    /// <inheritdoc />
    public Task<TableProgress> Open(TableWork work)
    {
        _copier?.Dispose();
        var workers = GrainFactory.GetGrain<IBatchGrain>(work.JobId);
        _copier = TableCopier.Open(work, engines.Get(work.JobId), batch => workers.Process(batch));
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
