using Orleans;
using Orleans.Placement;
using PiiOrleans.Grains.Interfaces.Tables;
using PiiOrleans.Tables;

namespace PiiOrleans.Grains.Tables;

/// <summary>
/// One batch (key <c>jobId/table/sequence</c>), placed wherever the cluster puts it: the first pass with this silo's
/// engine for the batch's configuration. Deactivates once answered; a batch redone elsewhere gives the same rows.
/// Random placement: batches are uniform, short units of work, and resource-optimized placement keeps them on the
/// calling silo until load statistics differ (measured: 40 of 40 batches local on an idle 3-silo cluster).
/// </summary>
[RandomPlacement]
public sealed class BatchGrain(TablesEngineCache engines) : Grain, IBatchGrain
{
    /// <inheritdoc />
    public async Task<TableBatchResult> Process(TableBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        try
        {
            // Analysis is CPU work of tens of milliseconds or more: off the grain scheduler, on the thread pool.
            var result = await Task.Run(() => engines.WithAnonymizer(batch.Engine, a => a.ProcessExceptPseudonyms(batch)));
            return result with { Silo = RuntimeIdentity };
        }
        finally
        {
            DeactivateOnIdle();
        }
    }
}
