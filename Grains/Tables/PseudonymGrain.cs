using Orleans;
using PiiOrleans.Grains.Interfaces.Tables;
using PiiOrleans.Tables;

namespace PiiOrleans.Grains.Tables;

/// <summary>
/// The job's pseudonym allocator (key: job id). Owns the job's <see cref="SqlitePseudonymStore"/> (a scratch file in
/// the output directory, sealed under keys that exist only in this activation) and an engine that writes into it.
/// Not reentrant: allocations happen one batch at a time, in the order the table grain sends them.
/// </summary>
public sealed class PseudonymGrain(ITablesEngineFactory factory) : Grain, IPseudonymGrain
{
    // The store's random-access structures (~45 bytes per mapping) stay cached far longer with 32 MB than with 8 MB:
    // at 1M rows 20,121 rows/s instead of 16,016 and 8 s of kernel time instead of 17 s, for 28 MB of RSS.
    private const int PseudonymPageCacheKilobytes = 32 * 1024;

    private SqlitePseudonymStore? _store;
    private BatchAnonymizer? _anonymizer;
    private string? _digest;

    /// <inheritdoc />
    public Task<TableBatchResult> Allocate(string scratchDirectory, TableBatch batch, TableBatchResult partial)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (_anonymizer is null)
        {
            var name = $".pseudonyms.{SafeFileName.Of(this.GetPrimaryKeyString())}.tmp";
            _store = new SqlitePseudonymStore(Path.Combine(Path.GetFullPath(scratchDirectory), name), pageCacheKilobytes: PseudonymPageCacheKilobytes);
            _anonymizer = new BatchAnonymizer(factory.Create(batch.Engine, _store).Anonymizer);
            _digest = batch.Engine.Digest;
        }
        else if (!string.Equals(_digest, batch.Engine.Digest, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("A tables job's batches must all use the job's configuration.");
        }

        return Task.FromResult(_anonymizer.ProcessPseudonyms(batch, partial));
    }

    /// <inheritdoc />
    public Task Close()
    {
        Release();
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        Release();
        return Task.CompletedTask;
    }

    private void Release()
    {
        _store?.Dispose();
        _store = null;
        _anonymizer = null;
        _digest = null;
    }
}
