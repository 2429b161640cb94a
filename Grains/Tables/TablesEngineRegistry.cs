using System.Collections.Concurrent;

namespace PiiOrleans.Grains.Tables;

/// <summary>
/// The engine of each running tables job, by job id, so that batch workers (keyed by job id) use the job's own
/// configuration. Engines are not serializable, so this is silo-local: a job runs its batches on the silo that plans it.
/// </summary>
public sealed class TablesEngineRegistry
{
    private readonly ConcurrentDictionary<string, (ITableCellAnonymizer Engine, PseudonymTurnstile Turnstile)> _jobs = new(StringComparer.Ordinal);

    /// <summary>Registers the engine of job <paramref name="jobId"/>, with a fresh turnstile for its pseudonym allocation.</summary>
    public void Register(string jobId, ITableCellAnonymizer engine) => _jobs[jobId] = (engine, new PseudonymTurnstile());

    /// <summary>Removes the engine of a finished job; batches still waiting for their turn fail.</summary>
    public void Unregister(string jobId)
    {
        if (_jobs.TryRemove(jobId, out var job))
        {
            job.Turnstile.Close();
        }
    }

    /// <summary>The engine of job <paramref name="jobId"/>; fails when the job is not running on this silo.</summary>
    public ITableCellAnonymizer Get(string jobId) => Find(jobId).Engine;

    /// <summary>The turnstile that orders pseudonym allocation across the batches of job <paramref name="jobId"/>.</summary>
    public PseudonymTurnstile TurnstileOf(string jobId) => Find(jobId).Turnstile;

    private (ITableCellAnonymizer Engine, PseudonymTurnstile Turnstile) Find(string jobId) =>
        _jobs.TryGetValue(jobId, out var job)
            ? job
            : throw new InvalidOperationException($"No tables engine is registered for job {jobId}; the job is not running on this silo.");
}
