using Orleans;
using PiiOrleans.Grains.Interfaces.Tables;
using PiiOrleans.Tables;

namespace PiiOrleans.Grains.Tables;

/// <summary>
/// One batch (key <c>jobId/table/sequence</c>), placed wherever the cluster puts it: the first pass with this silo's
/// engine for the batch's configuration. Deactivates once answered; a batch redone elsewhere gives the same rows.
/// </summary>
public sealed class BatchGrain(TablesEngineCache engines) : Grain, IBatchGrain
{
    /// <inheritdoc />
    public async Task<TableBatchResult> Process(TableBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        try
        {
            // Analysis is CPU work of tens of milliseconds or more: off the grain scheduler, on the thread pool.
            return await Task.Run(() => engines.WithAnonymizer(batch.Engine, a => a.ProcessExceptPseudonyms(batch)));
        }
        finally
        {
            DeactivateOnIdle();
        }
    }
}
