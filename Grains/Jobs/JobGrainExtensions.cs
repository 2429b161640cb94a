using PiiOrleans.Grains.Interfaces.Jobs;

namespace PiiOrleans.Grains.Jobs;

/// <summary>Conveniences for in-process callers of <see cref="IJobGrain"/> (e.g. a one-shot silo mode that runs a single job).</summary>
public static class JobGrainExtensions
{
    /// <summary>
    /// Waits until the job has finished and returns its final status. <paramref name="onEvent"/> sees every event on the
    /// way (e.g. to log progress); questions must be answered by someone else or the wait lasts until cancellation.
    /// </summary>
    public static async Task<JobStatus> WaitForCompletionAsync(
        this IJobGrain job,
        Action<JobEvent>? onEvent = null,
        CancellationToken cancellationToken = default)
    {
        long after = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var events = await job.WaitForEvents(after, 1_000, TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            foreach (var jobEvent in events)
            {
                onEvent?.Invoke(jobEvent);
                after = jobEvent.Sequence;
            }

            if (events.Count == 0 || events[^1].Kind is JobEventKinds.Completed or JobEventKinds.Failed or JobEventKinds.Cancelled)
            {
                var status = await job.GetStatus().ConfigureAwait(false);
                if (status.IsFinished)
                {
                    return status;
                }
            }
        }
    }
}
