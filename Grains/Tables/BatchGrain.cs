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
        _anonymizer ??= new BatchAnonymizer(engines.Get(batch.JobId));
        return Task.FromResult(_anonymizer.Process(batch));
    }
}
