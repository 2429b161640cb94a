using PiiOrleans.Grains.Interfaces.Jobs;

namespace PiiOrleans.Grains.Jobs;

/// <summary>Conveniences for in-process callers of <see cref="IJobGrain"/> (e.g. a one-shot silo mode that runs a single job).</summary>
public static class JobGrainExtensions
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(250);

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
            IReadOnlyList<JobEvent> events;
            try
            {
                events = await job.WaitForEvents(after, 1_000, TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            }
            catch (Exception e) when (SiloLoss.IsSiloLoss(e))
            {
                // The job's silo was lost: the next call activates the job on a live silo, where it resumes.
                await Task.Delay(RetryDelay, cancellationToken).ConfigureAwait(false);
                continue;
            }

            foreach (var jobEvent in events)
            {
                onEvent?.Invoke(jobEvent);
                after = jobEvent.Sequence;
            }

            if (events.Count == 0 || events[^1].Kind is JobEventKinds.Completed or JobEventKinds.Failed or JobEventKinds.Cancelled)
            {
                JobStatus status;
                try
                {
                    status = await job.GetStatus().ConfigureAwait(false);
                }
                catch (Exception e) when (SiloLoss.IsSiloLoss(e))
                {
                    await Task.Delay(RetryDelay, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (status.IsFinished)
                {
                    return status;
                }
            }
        }
    }
}
