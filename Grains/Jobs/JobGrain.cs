using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Runtime;
using Orleans.Storage;
using Orleans.Timers;
using PiiOrleans.Grains.Interfaces.Jobs;

namespace PiiOrleans.Grains.Jobs;

/// <summary>
/// One job, keyed by job id. Its state is grain state (<see cref="JobRecord"/>, written on every change at most once a
/// checkpoint interval and at the end), so any silo that activates the grain next answers for the job. Reentrant
/// because watchers long-poll it while answers and cancels must get through; the runner itself runs on the thread pool
/// and reports into the <see cref="JobExecution"/> this activation owns.
/// </summary>
[Reentrant]
public sealed partial class JobGrain(
    [PersistentState("job", JobStorage.Name)] IPersistentState<JobRecord> state,
    JobTypeCatalog catalog,
    IServiceProvider services,
    IOptions<JobOptions> options,
    TimeProvider time,
    ILogger<JobGrain> logger)
    : Grain, IJobGrain, IRemindable
{
    /// <summary>
    /// The reminder that re-activates a running job on a live silo when its silo died and no client is asking about it.
    /// </summary>
    public const string ResumeReminder = "resume";

    /// <summary>The longest a single <see cref="WaitForEvents"/> call waits (keeps it well under the grain call timeout).</summary>
    public static readonly TimeSpan MaxEventWait = TimeSpan.FromSeconds(15);

    private const int MaxEventsPerCall = 1_000;
    private readonly SemaphoreSlim _saving = new(1, 1);
    private JobExecution? _execution;
    private IGrainTimer? _checkpoints;
    private long _savedVersion = -1;
    private bool _superseded;

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.RecordExists)
        {
            _execution = JobExecution.Restore(this.GetPrimaryKeyString(), state.State, options.Value, time);
            _savedVersion = _execution.Version;
            if (_execution.NeedsResume && catalog.TryGet(_execution.Type, out var registration) && _execution.PrepareResume(RuntimeIdentity))
            {
                // Lost while running on another silo (or this one stopped): go on from the last checkpoint. The attempt
                // is persisted before the runner starts: a stale runner's checkpoints are refused from now on, and if
                // this activation is a duplicate that read an outdated record (the other one is alive and saved since),
                // the write fails here and this activation never runs the job.
                await SaveAsync();
                _execution.LaunchResumed(registration, services, GrainFactory, logger, RuntimeIdentity);
                StartCheckpoints();
                _ = PersistCompletionAsync(_execution);
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

        var started = _execution.Start(registration, services, GrainFactory, logger, RuntimeIdentity);
        if (started)
        {
            StartCheckpoints();
            _ = PersistCompletionAsync(_execution);
        }

        await SaveAsync();
        if (started)
        {
            // After the record: a reminder that fires finds the running job to resume.
            await RegisterResumeReminderAsync();
        }

        return _execution.Snapshot();
    }

    /// <inheritdoc />
    public async Task<bool> SaveCheckpoint(int attempt, JsonElement checkpoint)
    {
        if (!Execution.TrySaveCheckpoint(attempt, checkpoint))
        {
            return false;
        }

        await SaveAsync();
        return true;
    }

    /// <inheritdoc />
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        // Activation itself resumed the job if it was interrupted; a finished job needs the reminder no more.
        if (reminderName == ResumeReminder && _execution is null or { IsFinished: true })
        {
            await UnregisterResumeReminderAsync();
        }
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
            // The silo is stopping (or the activation is being moved): no runner may keep writing output unobserved. The
            // job is suspended, not finished: its next activation, on any silo, resumes it from its checkpoint.
            running.Suspend();
            await Task.WhenAny(running.Stopped, Task.Delay(options.Value.ShutdownGracePeriod, time));
        }

        await SaveAsync();
    }

    private JobExecution Execution => _execution ?? throw new JobNotFoundException(this.GetPrimaryKeyString());

    // Keeps the activation alive while the job runs (no idle collection) and persists its progress.
    private void StartCheckpoints() =>
        _checkpoints ??= this.RegisterGrainTimer(SaveAsync, new GrainTimerCreationOptions(options.Value.CheckpointInterval, options.Value.CheckpointInterval)
        {
            KeepAlive = true,
        });

    private async Task PersistCompletionAsync(JobExecution execution)
    {
        await execution.Completion;
        await SaveAsync();
        _checkpoints?.Dispose();
        _checkpoints = null;
        await UnregisterResumeReminderAsync();
    }

    private async Task RegisterResumeReminderAsync()
    {
        if (services.GetService<IReminderRegistry>() is null)
        {
            return;
        }

        try
        {
            await this.RegisterOrUpdateReminder(ResumeReminder, options.Value.ResumeReminderPeriod, options.Value.ResumeReminderPeriod);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Without a reminder the job still resumes on the next client call; the log says why it could not register.
            LogReminderFailed(logger, this.GetPrimaryKeyString(), ex.GetType().Name);
        }
    }

    private async Task UnregisterResumeReminderAsync()
    {
        if (services.GetService<IReminderRegistry>() is null)
        {
            return;
        }

        try
        {
            if (await this.GetReminder(ResumeReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogReminderFailed(logger, this.GetPrimaryKeyString(), ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId}: the resume reminder could not be changed ({ExceptionType})")]
    private static partial void LogReminderFailed(ILogger logger, string jobId, string exceptionType);

    private void Supersede()
    {
        _superseded = true;
        _execution?.Suspend();
        _checkpoints?.Dispose();
        _checkpoints = null;
        LogSuperseded(logger, this.GetPrimaryKeyString());
        this.DeactivateOnIdle();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId}: another activation of the job saved its record; this one stops and deactivates")]
    private static partial void LogSuperseded(ILogger logger, string jobId);

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

            if (_superseded)
            {
                return;
            }

            state.State = _execution.ToRecord();
            try
            {
                await state.WriteStateAsync();
            }
            catch (InconsistentStateException)
            {
                // Another activation of this job wrote its record since this one read it: a duplicate made while the
                // cluster's directory recovered from a lost silo. That one owns the job; this one stops its runner, writes
                // nothing more and goes away, and the caller's retry (the exception is a silo-loss failure) reaches the
                // owner.
                Supersede();
                throw;
            }

            _savedVersion = version;
        }
        finally
        {
            _saving.Release();
        }
    }
}
