using System.Text.Json;
using Orleans;

namespace PiiOrleans.Grains.Interfaces.Jobs;

/// <summary>One job, keyed by its id. Runs the registered job type's runner and keeps its event log.</summary>
[Alias("piiorleans.jobs.job-grain")]
public interface IJobGrain : IGrainWithStringKey
{
    /// <summary>Starts the job (idempotent for the same submission) and returns its status.</summary>
    Task<JobStatus> Start(JobSubmission submission);

    /// <summary>The current status.</summary>
    Task<JobStatus> GetStatus();

    /// <summary>Events with sequence greater than <paramref name="afterSequence"/>, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<JobEvent>> GetEvents(long afterSequence, int max);

    /// <summary>
    /// Like <see cref="GetEvents"/>, but when there is nothing after <paramref name="afterSequence"/> yet and the job is
    /// still running, waits up to <paramref name="timeout"/> for the next event (long poll for event streams).
    /// </summary>
    Task<IReadOnlyList<JobEvent>> WaitForEvents(long afterSequence, int max, TimeSpan timeout);

    /// <summary>Answers open questions.</summary>
    Task Answer(IReadOnlyList<JobAnswer> answers);

    /// <summary>Requests cancellation.</summary>
    Task Cancel();

    /// <summary>
    /// Persists a runner's checkpoint for attempt <paramref name="attempt"/>; false (nothing saved) when that attempt is no
    /// longer the job's current one. Called by the job's own runner.
    /// </summary>
    Task<bool> SaveCheckpoint(int attempt, JsonElement checkpoint);
}
