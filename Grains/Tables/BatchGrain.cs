using PiiOrleans.Grains.Interfaces.Tables;
using PiiOrleans.Runtime;

namespace PiiOrleans.Grains.Tables;

/// <summary>Stateless worker: anonymizes a batch with the job's engine. Each activation keeps its own value cache.</summary>
[StatelessWorker]
public sealed class BatchGrain(TablesEngineRegistry engines) : Grain, IBatchGrain
{
    private BatchAnonymizer? _anonymizer;

    /// <inheritdoc />
    public Task<TableBatchResult> Process(TableBatch batch)
    {
        var anonymizer = _anonymizer ??= new BatchAnonymizer(engines.Get(batch.JobId));
        var turnstile = engines.TurnstileOf(batch.JobId);

        // An idle worker's turn may run inline on the caller's thread (the table grain's): the pool thread lets the
        // caller go on reading and writing while this batch is analysed, and keeps this worker busy meanwhile.
        // Non-reentrant: while this batch waits for its pseudonym turn, the activation takes no other batch; batches are
        // dispatched in order and queue FIFO, so the earliest unfinished batch never waits and the table always progresses.
        return Task.Run(() => anonymizer.ProcessAsync(batch, turnstile));
    }
}
