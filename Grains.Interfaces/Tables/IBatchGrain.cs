using PiiOrleans.Runtime;

namespace PiiOrleans.Grains.Interfaces.Tables;

/// <summary>Stateless worker that detects and anonymizes one batch of rows (keyed by job id; a pool per silo).</summary>
public interface IBatchGrain : IGrainWithStringKey
{
    /// <summary>Anonymizes <paramref name="batch"/> according to its column plans.</summary>
    Task<TableBatchResult> Process(TableBatch batch);
}
