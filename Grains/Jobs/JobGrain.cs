using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PiiOrleans.Grains.Interfaces.Jobs;
using PiiOrleans.Runtime;

namespace PiiOrleans.Grains.Jobs;

/// <summary>
/// One job, keyed by job id. Reentrant because event streams long-poll it while answers and cancels must get through.
/// The job's state lives in the <see cref="JobStore"/>, so deactivating this grain never loses a running job.
/// </summary>
[Reentrant]
public sealed class JobGrain(JobStore store, JobTypeCatalog catalog, IServiceProvider services, ILogger<JobGrain> logger)
    : Grain, IJobGrain
{
    /// <summary>The longest a single <see cref="WaitForEvents"/> call waits (keeps it well under the grain call timeout).</summary>
    public static readonly TimeSpan MaxEventWait = TimeSpan.FromSeconds(15);

    private const int MaxEventsPerCall = 1_000;

    /// <inheritdoc />
    public Task<JobStatus> Start(JobSubmission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        if (!catalog.TryGet(submission.Type, out var registration))
        {
            throw new JobParameterException(
                $"Unknown job type '{submission.Type}'. Known types: {string.Join(", ", catalog.All.Select(r => r.Name))}.");
        }

        var execution = store.GetOrAdd(GrainKey, submission with { Type = registration.Name });
        if (!string.Equals(execution.Type, registration.Name, StringComparison.Ordinal))
        {
            throw new JobParameterException(
                $"Job '{GrainKey}' already exists with type '{execution.Type}'; submit '{registration.Name}' under a new id.");
        }

        var grainFactory = services.GetService<IGrainFactory>() ?? GrainFactory;
        execution.Start(registration, services, grainFactory, logger);
        return Task.FromResult(execution.Snapshot());
    }

    /// <inheritdoc />
    public Task<JobStatus> GetStatus() => Task.FromResult(Execution.Snapshot());

    /// <inheritdoc />
    public Task<IReadOnlyList<JobEvent>> GetEvents(long afterSequence, int max) =>
        Task.FromResult(Execution.GetEvents(afterSequence, Math.Clamp(max, 0, MaxEventsPerCall)));

    /// <inheritdoc />
    public Task<IReadOnlyList<JobEvent>> WaitForEvents(long afterSequence, int max, TimeSpan timeout) =>
        Execution.WaitForEventsAsync(
            afterSequence,
            Math.Clamp(max, 0, MaxEventsPerCall),
            timeout > MaxEventWait ? MaxEventWait : timeout);

    /// <inheritdoc />
    public Task Answer(IReadOnlyList<JobAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        Execution.Answer(answers);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task Cancel()
    {
        Execution.Cancel();
        return Task.CompletedTask;
    }

    private JobExecution Execution => store.Find(GrainKey) ?? throw new JobNotFoundException(GrainKey);
}
