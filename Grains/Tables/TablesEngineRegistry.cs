using System.Collections.Concurrent;

namespace PiiOrleans.Grains.Tables;

/// <summary>
/// The engine of each running tables job, by job id, so that batch workers (keyed by job id) use the job's own
/// configuration. Engines are not serializable, so this is silo-local: a job runs its batches on the silo that plans it.
/// </summary>
public sealed class TablesEngineRegistry
{
    private readonly ConcurrentDictionary<string, ITableCellAnonymizer> _engines = new(StringComparer.Ordinal);

    /// <summary>Registers the engine of job <paramref name="jobId"/>.</summary>
    public void Register(string jobId, ITableCellAnonymizer engine) => _engines[jobId] = engine;

    /// <summary>Removes the engine of a finished job.</summary>
    public void Unregister(string jobId) => _engines.TryRemove(jobId, out _);

    /// <summary>The engine of job <paramref name="jobId"/>; fails when the job is not running on this silo.</summary>
    public ITableCellAnonymizer Get(string jobId) =>
        _engines.TryGetValue(jobId, out var engine)
            ? engine
            : throw new InvalidOperationException($"No tables engine is registered for job {jobId}; the job is not running on this silo.");
}
