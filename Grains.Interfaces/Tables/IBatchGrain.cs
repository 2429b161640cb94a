using Orleans;
using PiiOrleans.Tables;

namespace PiiOrleans.Grains.Interfaces.Tables;

/// <summary>
/// One batch of one table (key <c>jobId/table/sequence</c>): a keyed grain per unit of work, so placement spreads a
/// job's batches over the silos of a pool. Detects and anonymizes every column except those that allocate pseudonyms.
/// </summary>
[Alias("piiorleans.tables.batch-grain")]
public interface IBatchGrain : IGrainWithStringKey
{
    /// <summary>The first pass over <paramref name="batch"/> (see <see cref="IPseudonymGrain"/> for the second).</summary>
    [Alias("process")]
    Task<TableBatchResult> Process(TableBatch batch);
}
