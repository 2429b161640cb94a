using System.Buffers;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans;
using PiiOrleans.Grains.Interfaces.Jobs;

namespace PiiOrleans.Grains.Jobs;

/// <summary>
/// The state of one job and the background run of its runner, owned by the job's <see cref="JobGrain"/> activation,
/// which persists <see cref="ToRecord"/> whenever <see cref="Version"/> moves. The runner reports from thread-pool
/// threads, hence the lock: the runner's calls do not go through the grain's turns.
/// </summary>
internal sealed class JobExecution
{
    private readonly object _gate = new();
    private JobEventLog _log;
    private readonly TimeProvider _time;
    private readonly TimeSpan _progressCoalescing;
    private readonly Dictionary<string, long> _counters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _answers = new(StringComparer.Ordinal);
    private readonly List<JobQuestion> _openQuestions = [];
    private readonly CancellationTokenSource _cancellation = new();
    private TaskCompletionSource _eventAppended = NewSignal();
    private TaskCompletionSource _answersChanged = NewSignal();
    private readonly TaskCompletionSource _finished = NewSignal();
    private JobState _state = JobState.Pending;
    private string? _error;
    private int? _exitCode;
    private JsonElement? _result;
    private DateTimeOffset? _finishedAt;
    private string? _lastProgressScope;
    private long _lastProgressSequence;
    private DateTimeOffset _lastProgressTime;
    private long _version;
    private int _attempt;
    private JsonElement? _checkpoint;
    private bool _suspending;

    public JobExecution(string jobId, JobSubmission submission, JobOptions options, TimeProvider time)
    {
        JobId = jobId;
        Type = submission.Type;
        Parameters = submission.Parameters.ValueKind == JsonValueKind.Undefined
            ? JsonSerializer.SerializeToElement(new { })
            : submission.Parameters.Clone();
        _time = time;
        _log = new JobEventLog(options.EventLogCapacity);
        _progressCoalescing = options.ProgressCoalescingInterval;
        SubmittedAt = time.GetUtcNow();
    }

    public string JobId { get; }

    public string Type { get; }

    public JsonElement Parameters { get; }

    public DateTimeOffset SubmittedAt { get; private set; }

    /// <summary>Moves on every change of the job's state; the grain persists when it differs from what it saved.</summary>
    public long Version
    {
        get
        {
            lock (_gate)
            {
                return _version;
            }
        }
    }

    /// <summary>The job's state as its grain persists it.</summary>
    public JobRecord ToRecord()
    {
        lock (_gate)
        {
            return new JobRecord
            {
                Type = Type,
                Parameters = Parameters,
                State = _state,
                Counters = new Dictionary<string, long>(_counters, StringComparer.Ordinal),
                Answers = new Dictionary<string, string>(_answers, StringComparer.Ordinal),
                OpenQuestions = [.. _openQuestions],
                Events = _log.ToList(),
                NextSequence = _log.NextSequence,
                Error = _error,
                ExitCode = _exitCode,
                Result = _result,
                SubmittedAt = SubmittedAt,
                FinishedAt = _finishedAt,
                Attempt = _attempt,
                Checkpoint = _checkpoint,
            };
        }
    }

    /// <summary>
    /// The job as <paramref name="record"/> left it. A job that was still running when its activation was lost (its silo
    /// stopped or died) is marked <see cref="NeedsResume"/>: its grain starts the runner again, from its checkpoint.
    /// </summary>
    public static JobExecution Restore(string jobId, JobRecord record, JobOptions options, TimeProvider time)
    {
        var execution = new JobExecution(jobId, new JobSubmission(record.Type, record.Parameters), options, time);
        lock (execution._gate)
        {
            execution.SubmittedAt = record.SubmittedAt;
            execution._log = JobEventLog.Restore(options.EventLogCapacity, record.Events, record.NextSequence);
            execution._state = record.State;
            foreach (var (name, value) in record.Counters)
            {
                execution._counters[name] = value;
            }

            foreach (var (key, value) in record.Answers)
            {
                execution._answers[key] = value;
            }

            execution._openQuestions.AddRange(record.OpenQuestions);
            execution._error = record.Error;
            execution._exitCode = record.ExitCode;
            execution._result = record.Result;
            execution._finishedAt = record.FinishedAt;
            execution._attempt = record.Attempt;
            execution._checkpoint = record.Checkpoint;
            // A job waiting for answers was running too: its runner asks again and finds the answers recorded.
            execution.NeedsResume = record.State is JobState.Running or JobState.WaitingForAnswers;
        }

        if (IsTerminal(record.State))
        {
            execution._finished.TrySetResult();
        }

        return execution;
    }

    /// <summary>The job was running when its last activation was lost; <see cref="Resume"/> starts it again.</summary>
    public bool NeedsResume { get; private set; }

    /// <summary>The current attempt (see <see cref="IJobContext.Attempt"/>).</summary>
    public int Attempt
    {
        get
        {
            lock (_gate)
            {
                return _attempt;
            }
        }
    }

    public bool IsFinished
    {
        get
        {
            lock (_gate)
            {
                return IsTerminal(_state);
            }
        }
    }

    /// <summary>Completes when the job has reached a final state.</summary>
    public Task Completion => _finished.Task;

    /// <summary>Starts the runner on the thread pool; returns at once. False when the job had started before.</summary>
    public bool Start(JobTypeRegistration registration, IServiceProvider services, IGrainFactory grainFactory, ILogger logger, string silo)
    {
        lock (_gate)
        {
            if (_state != JobState.Pending)
            {
                return false;
            }

            _state = JobState.Running;
            _attempt = 1;
            AppendLocked(JobEventKinds.Started, JsonSerializer.SerializeToElement(new { type = Type }, JobJson.Options));
        }

        Launch(registration, services, grainFactory, logger, silo);
        return true;
    }

    /// <summary>
    /// Makes the job, whose activation was lost mid-run (see <see cref="NeedsResume"/>), the next attempt, from the last
    /// checkpoint, without starting its runner: the grain persists the attempt first (<see cref="LaunchResumed"/> then
    /// starts the runner), so that a duplicate activation that read an outdated record is refused before its runner can
    /// touch the output. <paramref name="silo"/> names where it resumes (for the event log). False when there is nothing
    /// to resume.
    /// </summary>
    public bool PrepareResume(string silo)
    {
        lock (_gate)
        {
            if (!NeedsResume)
            {
                return false;
            }

            NeedsResume = false;
            _attempt++;
            _state = JobState.Running;
            _openQuestions.Clear();
            // The lost activation may have given out numbers after its last save (watchers read them from its memory);
            // starting past them keeps every watcher from skipping this activation's first events as already seen.
            _log.Skip(ResumeSequenceGap);
            AppendLocked(JobEventKinds.Warning, JsonSerializer.SerializeToElement(
                new
                {
                    code = "job_resumed",
                    message = $"The silo running job {JobId} stopped; the job resumed on {silo} from its last checkpoint (attempt {_attempt}).",
                },
                JobJson.Options));
            return true;
        }
    }

    /// <summary>
    /// How many event numbers a resumed activation leaves unused: more than a lost activation can append between two saves
    /// (one checkpoint interval, a second by default; progress is coalesced per scope).
    /// </summary>
    internal const long ResumeSequenceGap = 1_000_000;

    /// <summary>Starts the runner of the attempt <see cref="PrepareResume"/> made, once that attempt is persisted.</summary>
    public void LaunchResumed(JobTypeRegistration registration, IServiceProvider services, IGrainFactory grainFactory, ILogger logger, string silo)
    {
        logger.LogWarning("Job {JobId} resumed on {Silo} (attempt {Attempt})", JobId, silo, Attempt);
        Launch(registration, services, grainFactory, logger, silo);
    }

    /// <summary>
    /// Stops the runner without finishing the job (its silo is stopping): the state stays running, so the job's next
    /// activation, on any silo, resumes it.
    /// </summary>
    public void Suspend()
    {
        lock (_gate)
        {
            if (IsTerminal(_state))
            {
                return;
            }

            _suspending = true;
        }

        _cancellation.Cancel();
    }

    /// <summary>Records a runner's checkpoint when <paramref name="attempt"/> is the current attempt.</summary>
    public bool TrySaveCheckpoint(int attempt, JsonElement checkpoint)
    {
        lock (_gate)
        {
            if (attempt != _attempt || IsTerminal(_state) || _suspending)
            {
                return false;
            }

            _checkpoint = checkpoint.Clone();
            _version++;
            return true;
        }
    }

    /// <summary>The checkpoint the runner of the current attempt starts from.</summary>
    internal JsonElement? Checkpoint
    {
        get
        {
            lock (_gate)
            {
                return _checkpoint;
            }
        }
    }

    /// <summary>Completes when the runner has stopped: finished, or suspended (at once when it never started).</summary>
    public Task Stopped => Volatile.Read(ref _launched) ? _stopped.Task : Task.CompletedTask;

    private bool _launched;

    private readonly TaskCompletionSource _stopped = NewSignal();

    private void Launch(JobTypeRegistration registration, IServiceProvider services, IGrainFactory grainFactory, ILogger logger, string silo)
    {
        Volatile.Write(ref _launched, true);
        // A fresh execution context: the run must not inherit the submitting grain call's chain (it outlives the call).
        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Run(async () =>
            {
                // Every log line of the run (runner, engines, grains called in this flow) carries the job and the silo.
                using var scope = logger.BeginScope(new Dictionary<string, object> { ["JobId"] = JobId, ["Silo"] = silo });
                try
                {
                    await RunAsync(registration, services, grainFactory, logger).ConfigureAwait(false);
                }
                finally
                {
                    _stopped.TrySetResult();
                }
            });
        }
    }

    public JobStatus Snapshot()
    {
        lock (_gate)
        {
            return new JobStatus(
                JobId,
                Type,
                _state,
                new Dictionary<string, long>(_counters, StringComparer.Ordinal),
                _error,
                _exitCode,
                _result,
                SubmittedAt,
                _finishedAt)
            {
                OpenQuestions = _openQuestions.ToArray(),
            };
        }
    }

    public IReadOnlyList<JobEvent> GetEvents(long afterSequence, int max)
    {
        lock (_gate)
        {
            return _log.After(afterSequence, max);
        }
    }

    public async Task<IReadOnlyList<JobEvent>> WaitForEventsAsync(long afterSequence, int max, TimeSpan timeout)
    {
        Task appended;
        lock (_gate)
        {
            var events = _log.After(afterSequence, max);
            if (events.Count > 0 || IsTerminal(_state) || timeout <= TimeSpan.Zero)
            {
                return events;
            }

            appended = _eventAppended.Task;
        }

        await Task.WhenAny(appended, Task.Delay(timeout, _time)).ConfigureAwait(false);
        return GetEvents(afterSequence, max);
    }

    public void Cancel()
    {
        lock (_gate)
        {
            if (IsTerminal(_state))
            {
                return;
            }
        }

        _cancellation.Cancel();
    }

    /// <summary>Records answers (also for questions not asked yet: answers are cached per key). Invalid choices are refused.</summary>
    public void Answer(IReadOnlyList<JobAnswer> answers)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            if (IsTerminal(_state))
            {
                throw new InvalidOperationException($"Job '{JobId}' has finished; it takes no more answers.");
            }

            var accepted = new List<(string Key, string Value)>(answers.Count);
            foreach (var answer in answers)
            {
                var question = _openQuestions.Find(q => q.Key == answer.Key);
                var value = question is null ? answer.Value : MatchChoice(question, answer.Value);
                accepted.Add((answer.Key, value));
            }

            foreach (var (key, value) in accepted)
            {
                _answers[key] = value;
                _version++;
                _openQuestions.RemoveAll(q => q.Key == key);
                AppendLocked(JobEventKinds.Log, JsonSerializer.SerializeToElement(new { message = $"answered {key}" }, JobJson.Options));
            }

            changed = _answersChanged;
            _answersChanged = NewSignal();
        }

        changed.TrySetResult();
    }

    private static string MatchChoice(JobQuestion question, string value) =>
        TryMatchChoice(question, value, out var choice)
            ? choice
            // The value itself is not echoed: answers may carry data the user typed.
            : throw new ArgumentException(
                $"The answer to '{question.Key}' is not one of its choices: {string.Join(", ", question.Choices)}.");

    /// <summary>Any value answers a question without choices; otherwise the value must name a choice (case-insensitive).</summary>
    private static bool TryMatchChoice(JobQuestion question, string value, out string choice)
    {
        choice = value;
        if (question.Choices.Count == 0)
        {
            return true;
        }

        foreach (var candidate in question.Choices)
        {
            if (string.Equals(candidate, value, StringComparison.OrdinalIgnoreCase))
            {
                choice = candidate;
                return true;
            }
        }

        return false;
    }

    internal async Task<IReadOnlyDictionary<string, string>> AskAsync(IReadOnlyList<JobQuestion> questions, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                var unanswered = 0;
                foreach (var question in questions)
                {
                    if (_answers.TryGetValue(question.Key, out var cached))
                    {
                        if (TryMatchChoice(question, cached, out var choice))
                        {
                            _answers[question.Key] = choice;
                            continue;
                        }

                        // An answer given before the question was asked, and not one of its choices: ask properly.
                        _answers.Remove(question.Key);
                        AppendLocked(JobEventKinds.Warning, JsonSerializer.SerializeToElement(
                            new { code = "answer-not-a-choice", message = $"The answer given for '{question.Key}' is not one of its choices; asking again." },
                            JobJson.Options));
                    }

                    unanswered++;
                    if (!_openQuestions.Exists(q => q.Key == question.Key))
                    {
                        _openQuestions.Add(question);
                        AppendLocked(JobEventKinds.Question, JsonSerializer.SerializeToElement(question, JobJson.Options));
                    }
                }

                if (unanswered == 0)
                {
                    if (_openQuestions.Count == 0 && _state == JobState.WaitingForAnswers)
                    {
                        _state = JobState.Running;
                    }

                    var result = new Dictionary<string, string>(questions.Count, StringComparer.Ordinal);
                    foreach (var question in questions)
                    {
                        result[question.Key] = _answers[question.Key];
                    }

                    return result;
                }

                // Every question of this call is published before the state changes, so a client that sees the state
                // (or the first question event) finds all open questions in the status.
                _state = JobState.WaitingForAnswers;
                changed = _answersChanged.Task;
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    internal void ReportProgress(string scope, object data)
    {
        var payload = JsonSerializer.SerializeToElement(data, data.GetType(), JobJson.Options);
        var progress = WithScope(scope, payload);
        lock (_gate)
        {
            if (progress.TryGetProperty("done", out var done) && done.TryGetInt64(out var doneValue))
            {
                _counters[scope] = doneValue;
            }

            var now = _time.GetUtcNow();
            if (_lastProgressScope == scope
                && _log.Last?.Sequence == _lastProgressSequence
                && now - _lastProgressTime < _progressCoalescing)
            {
                // Keep the log readable and bounded when a runner reports per row: the newer progress replaces the last.
                _log.RemoveLast();
            }
            else
            {
                _lastProgressTime = now;
            }

            _lastProgressScope = scope;
            _lastProgressSequence = AppendLocked(JobEventKinds.Progress, progress).Sequence;
        }
    }

    internal void IncrementCounter(string name, long delta)
    {
        lock (_gate)
        {
            _counters[name] = _counters.GetValueOrDefault(name) + delta;
            _version++;
        }
    }

    internal void Warn(string code, string message) =>
        Append(JobEventKinds.Warning, JsonSerializer.SerializeToElement(new { code, message }, JobJson.Options));

    private async Task RunAsync(JobTypeRegistration registration, IServiceProvider services, IGrainFactory grainFactory, ILogger logger)
    {
        // Counted here, not from the job's attempt number: that one also counts the attempts of earlier activations (a job
        // that survived two kills has used several), and they must not eat into this activation's retries.
        for (var runsInActivation = 1; ; runsInActivation++)
        {
            var attempt = Attempt;
            try
            {
                await RunAttemptAsync(registration, services, grainFactory, attempt).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (SiloLoss.IsSiloLoss(e) && !_cancellation.IsCancellationRequested && runsInActivation < MaxRunsInActivation)
            {
                // Work that was on a lost silo is redone from the last checkpoint; the output is the same bytes.
                logger.LogWarning("Job {JobId} attempt {Attempt} lost a silo ({ExceptionType}); resuming", JobId, attempt, e.GetType().Name);
                lock (_gate)
                {
                    if (_attempt != attempt || IsTerminal(_state))
                    {
                        return;
                    }

                    _attempt++;
                    AppendLocked(JobEventKinds.Warning, JsonSerializer.SerializeToElement(
                        new
                        {
                            code = "job_resumed",
                            message = $"A silo working on job {JobId} was lost ({e.GetType().Name}); the job resumed from its last checkpoint (attempt {_attempt}).",
                        },
                        JobJson.Options));
                }

                await Task.Delay(SiloLossRetryDelay, _time).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                Conclude(e, logger);
                return;
            }
        }
    }

    /// <summary>How many times one activation runs its runner (the first run and its restarts after losing a silo) before a further silo loss fails the job.</summary>
    internal const int MaxRunsInActivation = 8;

    // Long enough for the cluster to declare the silo dead (about a second with the pool's membership options).
    private static readonly TimeSpan SiloLossRetryDelay = TimeSpan.FromSeconds(1);

    private async Task RunAttemptAsync(JobTypeRegistration registration, IServiceProvider services, IGrainFactory grainFactory, int attempt)
    {
        await using var scope = services.CreateAsyncScope();
        var runner = (IJobRunner)scope.ServiceProvider.GetRequiredService(registration.RunnerType);
        var context = new JobContext(this, grainFactory, attempt);
        var outcome = await runner.RunAsync(context, Parameters, _cancellation.Token).ConfigureAwait(false);
        if (outcome.ExitCode == JobExitCodes.Success)
        {
            Finish(JobState.Succeeded, null, outcome.ExitCode, outcome.Result, attempt);
        }
        else
        {
            Finish(JobState.Failed, $"The job finished with exit code {outcome.ExitCode}.", outcome.ExitCode, outcome.Result, attempt);
        }
    }

    private void Conclude(Exception exception, ILogger logger)
    {
        try
        {
            ExceptionDispatchInfo.Throw(exception);
        }
        catch (JobSupersededException)
        {
            // Another attempt owns the job now (it resumed elsewhere): this one leaves the state to it.
            logger.LogInformation("Job {JobId}: a superseded attempt stopped", JobId);
        }
        catch (Exception) when (_cancellation.IsCancellationRequested && IsSuspending)
        {
            // The silo is stopping, or another activation owns the job now: whatever the interrupted runner threw on its
            // way out (a cancellation, a grain of a lost silo, a refused write), the state stays running here and the
            // job's owner, or its next activation, finishes it.
            logger.LogInformation("Job {JobId}: the runner of a suspended activation stopped", JobId);
        }
        catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
        {
            Finish(JobState.Cancelled, "The job was cancelled.", JobExitCodes.Cancelled, null);
        }
        catch (JobParameterException e)
        {
            Finish(JobState.Failed, e.Message, JobExitCodes.InvalidParameters, null);
        }
        catch (JobFailedException e)
        {
            Finish(JobState.Failed, e.Message, e.ExitCode, null);
        }
        catch (Exception e)
        {
            // Exception messages can quote data (a cell value, a line of a file), so only the type and the stack go to
            // the log at Error level; the full exception only at Debug, for a developer on their own data.
            logger.LogError("Job {JobId} of type {JobType} failed with {ExceptionType} at {StackTrace}", JobId, Type, e.GetType().FullName, e.StackTrace);
            logger.LogDebug(e, "Job {JobId} failure details", JobId);
            Finish(
                JobState.Failed,
                $"The job failed unexpectedly ({e.GetType().Name}); the silo log has the details for job {JobId}.",
                JobExitCodes.Failed,
                null);
        }
    }

    /// <summary>The silo is stopping and the runner was asked to suspend (see <see cref="Suspend"/>).</summary>
    public bool IsStopping => IsSuspending;

    private bool IsSuspending
    {
        get
        {
            lock (_gate)
            {
                return _suspending;
            }
        }
    }

    private void Finish(JobState state, string? error, int exitCode, JsonElement? result, int? attempt = null)
    {
        TaskCompletionSource answersChanged;
        lock (_gate)
        {
            if (IsTerminal(_state) || (attempt is { } a && a != _attempt))
            {
                // Finished already, or a superseded attempt: the current attempt decides.
                return;
            }

            _state = state;
            _error = error;
            _exitCode = exitCode;
            _result = result?.Clone();
            _finishedAt = _time.GetUtcNow();
            _openQuestions.Clear();
            var kind = state switch
            {
                JobState.Succeeded => JobEventKinds.Completed,
                JobState.Cancelled => JobEventKinds.Cancelled,
                _ => JobEventKinds.Failed,
            };
            AppendLocked(kind, JsonSerializer.SerializeToElement(new { exitCode, error, result = _result }, JobJson.Options));
            answersChanged = _answersChanged;
        }

        answersChanged.TrySetResult();
        _finished.TrySetResult();
    }

    private void Append(string kind, JsonElement data)
    {
        lock (_gate)
        {
            AppendLocked(kind, data);
        }
    }

    private JobEvent AppendLocked(string kind, JsonElement data)
    {
        var entry = _log.Append(kind, _time.GetUtcNow(), data);
        _version++;
        var appended = _eventAppended;
        _eventAppended = NewSignal();
        appended.TrySetResult();
        return entry;
    }

    private static JsonElement WithScope(string scope, JsonElement payload)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("scope", scope);
            if (payload.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in payload.EnumerateObject())
                {
                    if (property.NameEquals("scope"))
                    {
                        continue;
                    }

                    property.WriteTo(writer);
                }
            }
            else
            {
                writer.WritePropertyName("value");
                payload.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    private static bool IsTerminal(JobState state) =>
        state is JobState.Succeeded or JobState.Failed or JobState.Cancelled;

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
