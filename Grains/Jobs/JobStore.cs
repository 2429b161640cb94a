using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using PiiOrleans.Grains.Interfaces.Jobs;

namespace PiiOrleans.Grains.Jobs;

/// <summary>
/// The silo's jobs, in memory: the storage behind <see cref="JobGrain"/> and <see cref="JobRegistryGrain"/> (the role
/// an Orleans storage provider plays). A job lives as long as the silo process; beyond
/// <see cref="JobOptions.MaxRetainedJobs"/> the oldest finished jobs are forgotten.
/// </summary>
public sealed class JobStore(IOptions<JobOptions> options, TimeProvider time)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, JobExecution?> _jobs = new(StringComparer.Ordinal);
    private readonly LinkedList<string> _order = new();

    internal JobOptions Options => options.Value;

    internal TimeProvider Time => time;

    /// <summary>Returns a fresh id of the form <c>yyyyMMdd-HHmmss-xxxxxx</c> and reserves it.</summary>
    internal string ReserveNewId()
    {
        lock (_gate)
        {
            while (true)
            {
                var id = $"{time.GetUtcNow():yyyyMMdd-HHmmss}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";
                if (_jobs.TryAdd(id, null))
                {
                    _order.AddLast(id);
                    EvictLocked();
                    return id;
                }
            }
        }
    }

    internal JobExecution? Find(string jobId)
    {
        lock (_gate)
        {
            return _jobs.GetValueOrDefault(jobId);
        }
    }

    /// <summary>The job with <paramref name="jobId"/>, created from <paramref name="submission"/> if it does not exist yet.</summary>
    internal JobExecution GetOrAdd(string jobId, JobSubmission submission)
    {
        lock (_gate)
        {
            if (_jobs.TryGetValue(jobId, out var existing))
            {
                if (existing is not null)
                {
                    return existing;
                }
            }
            else
            {
                _order.AddLast(jobId);
            }

            var created = new JobExecution(jobId, submission, options.Value, time);
            _jobs[jobId] = created;
            EvictLocked();
            return created;
        }
    }

    /// <summary>Cancels every unfinished job and waits up to <paramref name="grace"/> for their runners to stop.</summary>
    internal async Task CancelRunningAsync(TimeSpan grace)
    {
        List<JobExecution> running;
        lock (_gate)
        {
            running = _jobs.Values.OfType<JobExecution>().Where(e => !e.IsFinished).ToList();
        }

        foreach (var execution in running)
        {
            execution.Cancel();
        }

        await Task.WhenAny(Task.WhenAll(running.Select(e => e.Completion)), Task.Delay(grace, time)).ConfigureAwait(false);
    }

    internal IReadOnlyList<JobStatus> List(int max)
    {
        var executions = new List<JobExecution>();
        lock (_gate)
        {
            for (var node = _order.Last; node is not null && executions.Count < max; node = node.Previous)
            {
                if (_jobs[node.Value] is { } execution)
                {
                    executions.Add(execution);
                }
            }
        }

        return executions.ConvertAll(e => e.Snapshot());
    }

    private void EvictLocked()
    {
        var excess = _jobs.Count - Math.Max(1, options.Value.MaxRetainedJobs);
        for (var node = _order.First; node is not null && excess > 0;)
        {
            var next = node.Next;
            // Running jobs and fresh reservations stay: forgetting them would orphan a job that is still working.
            if (_jobs[node.Value] is { IsFinished: true })
            {
                _jobs.Remove(node.Value);
                _order.Remove(node);
                excess--;
            }

            node = next;
        }
    }
}
