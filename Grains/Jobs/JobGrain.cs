using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Runtime;
using PiiOrleans.Grains.Interfaces.Jobs;

namespace PiiOrleans.Grains.Jobs;

/// <summary>
/// One job, keyed by job id. Its state is grain state (<see cref="JobRecord"/>, written on every change at most once a
/// checkpoint interval and at the end), so any silo that activates the grain next answers for the job. Reentrant
/// because watchers long-poll it while answers and cancels must get through; the runner itself runs on the thread pool
/// and reports into the <see cref="JobExecution"/> this activation owns.
/// </summary>
[Reentrant]
public sealed class JobGrain(
    [PersistentState("job", JobStorage.Name)] IPersistentState<JobRecord> state,
    JobTypeCatalog catalog,
    IServiceProvider services,
    IOptions<JobOptions> options,
    TimeProvider time,
    ILogger<JobGrain> logger)
    : Grain, IJobGrain
{
    /// <summary>The longest a single <see cref="WaitForEvents"/> call waits (keeps it well under the grain call timeout).</summary>
    public static readonly TimeSpan MaxEventWait = TimeSpan.FromSeconds(15);

    private const int MaxEventsPerCall = 1_000;
    private readonly SemaphoreSlim _saving = new(1, 1);
    private JobExecution? _execution;
    private IGrainTimer? _checkpoints;
    private long _savedVersion = -1;

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.RecordExists)
        {
            _execution = JobExecution.Restore(this.GetPrimaryKeyString(), state.State, options.Value, time);
            if (state.State.State == _execution.Snapshot().State)
            {
                _savedVersion = _execution.Version;
            }
            else
            {
                // Interrupted while running elsewhere: record that it failed before anyone reads it.
                await SaveAsync();
            }
        }
    }

    /// <inheritdoc />
    public async Task<JobStatus> Start(JobSubmission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        if (!catalog.TryGet(submission.Type, out var registration))
        {
            throw new JobParameterException(
                $"Unknown job type '{submission.Type}'. Known types: {string.Join(", ", catalog.All.Select(r => r.Name))}.");
        }

        var key = this.GetPrimaryKeyString();
        _execution ??= new JobExecution(key, submission with { Type = registration.Name }, options.Value, time);
        if (!string.Equals(_execution.Type, registration.Name, StringComparison.Ordinal))
        {
            throw new JobParameterException(
                $"Job '{key}' already exists with type '{_execution.Type}'; submit '{registration.Name}' under a new id.");
        }

        if (_execution.Start(registration, services, GrainFactory, logger))
        {
            // Keeps the activation alive while the job runs (no idle collection) and persists its progress.
            _checkpoints = this.RegisterGrainTimer(SaveAsync, new GrainTimerCreationOptions(options.Value.CheckpointInterval, options.Value.CheckpointInterval)
            {
                KeepAlive = true,
            });
            _ = PersistCompletionAsync(_execution);
        }

        await SaveAsync();
        return _execution.Snapshot();
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
    public async Task Answer(IReadOnlyList<JobAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        Execution.Answer(answers);
        await SaveAsync();
    }

    /// <inheritdoc />
    public Task Cancel()
    {
        Execution.Cancel();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_execution is { IsFinished: false } running && running.Snapshot().State != JobState.Pending)
        {
            // The silo is stopping (or the activation is being moved): no runner may keep writing output unobserved.
            running.Cancel();
            await Task.WhenAny(running.Completion, Task.Delay(options.Value.ShutdownGracePeriod, time));
        }

        await SaveAsync();
    }

    private JobExecution Execution => _execution ?? throw new JobNotFoundException(this.GetPrimaryKeyString());

    private async Task PersistCompletionAsync(JobExecution execution)
    {
        await execution.Completion;
        await SaveAsync();
        _checkpoints?.Dispose();
        _checkpoints = null;
    }

    private async Task SaveAsync()
    {
        if (_execution is null)
        {
            return;
        }

        await _saving.WaitAsync();
        try
        {
            var version = _execution.Version;
            if (version == _savedVersion)
            {
                return;
            }

            state.State = _execution.ToRecord();
            await state.WriteStateAsync();
            _savedVersion = version;
        }
        finally
        {
            _saving.Release();
        }
    }
}
