using System.Runtime.CompilerServices;
using Orleans;
using Orleans.Runtime;
using PiiOrleans.Grains.Interfaces.Jobs;

namespace PiiOrleans.Client.Connection;

/// <summary>
/// Jobs through Orleans grain calls: the embedded silo's grain factory, or an Orleans client of a running silo or pool
/// (<c>--gateway</c>). Events are polled by sequence number, so a watch survives the job grain moving to another silo;
/// calls that fail because a silo went away are retried (all of them are idempotent).
/// </summary>
public sealed class GrainJobConnection(IGrainFactory grains, string describe, IDisposable? owner = null) : IJobConnection
{
    private const int EventsPerCall = 256;
    private static readonly TimeSpan EventWait = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan RetryFor = TimeSpan.FromSeconds(60);

    // An Orleans client does not fail calls in flight when its gateway dies (they would wait for the 30 s response
    // timeout): every call gets its own shorter limit and is retried through another gateway.
    private static readonly TimeSpan CallTimeout = EventWait + TimeSpan.FromSeconds(3);

    /// <inheritdoc />
    public string Describe => describe;

    /// <inheritdoc />
    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RetryAsync(() => Registry.GetJobTypes(), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (IsTransient(e))
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async Task<JobSubmitted> SubmitAsync(JobSubmission submission, CancellationToken cancellationToken)
    {
        var id = await RetryAsync(() => Registry.AllocateJobId(), cancellationToken).ConfigureAwait(false);
        // Start is idempotent for the same id and submission: a retry after a lost answer does not start a second job.
        var status = await RetryAsync(() => grains.GetGrain<IJobGrain>(id).Start(submission), cancellationToken).ConfigureAwait(false);
        return new JobSubmitted(id, status.Type, status.State);
    }

    /// <inheritdoc />
    public Task<JobStatus> GetStatusAsync(string jobId, CancellationToken cancellationToken) =>
        RetryAsync(() => grains.GetGrain<IJobGrain>(jobId).GetStatus(), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<JobStatus>> ListJobsAsync(CancellationToken cancellationToken) =>
        RetryAsync(() => Registry.ListJobs(100), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<JobTypeInfo>> GetJobTypesAsync(CancellationToken cancellationToken) =>
        RetryAsync(() => Registry.GetJobTypes(), cancellationToken);

    /// <inheritdoc />
    public Task AnswerAsync(string jobId, IReadOnlyList<JobAnswer> answers, CancellationToken cancellationToken) =>
        RetryAsync(async () =>
        {
            await grains.GetGrain<IJobGrain>(jobId).Answer(answers).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    /// <inheritdoc />
    public Task CancelAsync(string jobId, CancellationToken cancellationToken) =>
        RetryAsync(async () =>
        {
            await grains.GetGrain<IJobGrain>(jobId).Cancel().ConfigureAwait(false);
            return true;
        }, cancellationToken);

    /// <inheritdoc />
    public async IAsyncEnumerable<JobEvent> StreamEventsAsync(string jobId, long afterSequence,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var job = grains.GetGrain<IJobGrain>(jobId);
        var after = afterSequence;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var events = await RetryAsync(() => job.WaitForEvents(after, EventsPerCall, EventWait), cancellationToken).ConfigureAwait(false);
            foreach (var jobEvent in events)
            {
                after = jobEvent.Sequence;
                yield return jobEvent;
                if (jobEvent.Kind is JobEventKinds.Completed or JobEventKinds.Failed or JobEventKinds.Cancelled)
                {
                    yield break;
                }
            }

            if (events.Count == 0 && (await GetStatusAsync(jobId, cancellationToken).ConfigureAwait(false)).IsFinished)
            {
                yield break;
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => owner?.Dispose();

    private IJobRegistryGrain Registry => grains.GetGrain<IJobRegistryGrain>(IJobRegistryGrain.DefaultKey);

    // A silo that dies takes its activations and connections with it; the next call re-activates the grain on a live
    // silo (job state is grain state). Only such failures are retried, for a bounded time.
    private static async Task<T> RetryAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + RetryFor;
        var delay = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            try
            {
                return await call().WaitAsync(CallTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (IsTransient(e) && DateTime.UtcNow < deadline && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 2_000));
            }
        }
    }

    private static bool IsTransient(Exception e) =>
        e is Orleans.Runtime.SiloUnavailableException or OrleansMessageRejectionException or TimeoutException
            or GatewayTooBusyException or ClientNotAvailableException or Orleans.Runtime.Messaging.ConnectionFailedException
            // A duplicate activation of the job (the directory was recovering from a lost silo) lost the race to save
            // the job's record and deactivated: the retry reaches the activation that owns the job.
            or Orleans.Storage.InconsistentStateException;
}
