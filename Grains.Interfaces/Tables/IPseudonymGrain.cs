using Orleans;
using PiiOrleans.Tables;

namespace PiiOrleans.Grains.Interfaces.Tables;

/// <summary>
/// The only allocator of a tables job's pseudonyms (key: job id). Table grains send it each batch after its first pass,
/// in table order; it finishes the columns that allocate pseudonyms against the job's one pseudonym store, so collisions
/// and pool suffixes come out the same wherever the batches were analysed.
/// </summary>
[Alias("piiorleans.tables.pseudonym-grain")]
public interface IPseudonymGrain : IGrainWithStringKey
{
    /// <summary>
    /// Finishes <paramref name="batch"/> on top of its first pass <paramref name="partial"/>. The store's scratch file
    /// goes to <paramref name="scratchDirectory"/> (the job's output directory) on first use.
    /// </summary>
    [Alias("allocate")]
    Task<TableBatchResult> Allocate(string scratchDirectory, TableBatch batch, TableBatchResult partial);

    /// <summary>Makes every allocation so far durable; the job calls it after each table.</summary>
    [Alias("checkpoint")]
    Task Checkpoint();

    /// <summary>Deletes the job's pseudonym store (its mappings live only as long as the job).</summary>
    [Alias("close")]
    Task Close();
}
