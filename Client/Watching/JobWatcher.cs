using System.Text.Json;
using PiiOrleans.Client.Connection;
using PiiOrleans.Grains.Interfaces.Jobs;

namespace PiiOrleans.Client.Watching;

/// <summary>
/// Follows a job to its end: renders its events, answers its questions (answer provider, then the terminal), cancels it
/// when the watch is cancelled (Ctrl+C), and turns the final status into an exit code (see <see cref="JobExitCodes"/>).
/// </summary>
public sealed class JobWatcher(IJobConnection connection, IJobEventRenderer renderer, JobWatchOptions? options = null)
{
    private static readonly TimeSpan CancelGracePeriod = TimeSpan.FromSeconds(10);
    private readonly JobWatchOptions _options = options ?? new JobWatchOptions();
    private readonly HashSet<string> _answered = new(StringComparer.Ordinal);
    private long _lastSequence;

    /// <summary>Watches job <paramref name="jobId"/> until it finishes, questions stay unanswered, or the token is cancelled.</summary>
    public async Task<JobWatchResult> WatchAsync(string jobId, CancellationToken cancellationToken)
    {
        _lastSequence = _options.AfterSequence;
        try
        {
            await foreach (var jobEvent in connection.StreamEventsAsync(jobId, _options.AfterSequence, cancellationToken).ConfigureAwait(false))
            {
                _lastSequence = jobEvent.Sequence;
                renderer.Render(jobEvent);
                if (jobEvent.Kind == JobEventKinds.Question)
                {
                    var question = jobEvent.Data.Deserialize<JobQuestion>(JobJson.Options);
                    if (question is not null && !await TryAnswerAsync(jobId, question, cancellationToken).ConfigureAwait(false))
                    {
                        var unanswered = await CollectUnansweredAsync(jobId, cancellationToken).ConfigureAwait(false);
                        if (unanswered.Count > 0)
                        {
                            renderer.ReportUnanswered(jobId, unanswered);
                            if (_options.CancelWhenUnanswered)
                            {
                                await connection.CancelAsync(jobId, cancellationToken).ConfigureAwait(false);
                            }

                            var waiting = await connection.GetStatusAsync(jobId, cancellationToken).ConfigureAwait(false);
                            return new JobWatchResult(JobExitCodes.Unanswered, waiting);
                        }
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return await CancelAsync(jobId).ConfigureAwait(false);
        }

        var status = await connection.GetStatusAsync(jobId, cancellationToken).ConfigureAwait(false);
        return new JobWatchResult(ExitCodeOf(status), status);
    }

    /// <summary>The exit code for a job's status: the job's own code when it has one, else the state's.</summary>
    public static int ExitCodeOf(JobStatus status) => status.State switch
    {
        JobState.Succeeded => status.ExitCode ?? JobExitCodes.Success,
        JobState.Failed => status.ExitCode is > 0 and var code ? code : JobExitCodes.Failed,
        JobState.Cancelled => JobExitCodes.Cancelled,
        JobState.WaitingForAnswers => JobExitCodes.Unanswered,
        _ => JobExitCodes.Success,
    };

    private async Task<bool> TryAnswerAsync(string jobId, JobQuestion question, CancellationToken cancellationToken)
    {
        if (_answered.Contains(question.Key))
        {
            return true;
        }

        var answer = _options.AnswerProvider?.Invoke(question);
        if (answer is null && renderer.CanPrompt)
        {
            answer = await renderer.PromptAsync(question, cancellationToken).ConfigureAwait(false);
        }

        if (answer is null)
        {
            return false;
        }

        await connection.AnswerAsync(jobId, [new JobAnswer(question.Key, answer)], cancellationToken).ConfigureAwait(false);
        _answered.Add(question.Key);
        return true;
    }

    /// <summary>
    /// The job publishes all questions of one ask before it starts waiting, so its status now lists every open one:
    /// answer what the provider can, and return the rest.
    /// </summary>
    private async Task<IReadOnlyList<JobQuestion>> CollectUnansweredAsync(string jobId, CancellationToken cancellationToken)
    {
        var status = await connection.GetStatusAsync(jobId, cancellationToken).ConfigureAwait(false);
        var answers = new List<JobAnswer>();
        var unanswered = new List<JobQuestion>();
        foreach (var open in status.OpenQuestions)
        {
            if (_answered.Contains(open.Key))
            {
                continue;
            }

            if (_options.AnswerProvider?.Invoke(open) is { } answer)
            {
                answers.Add(new JobAnswer(open.Key, answer));
            }
            else
            {
                unanswered.Add(open);
            }
        }

        if (answers.Count > 0)
        {
            await connection.AnswerAsync(jobId, answers, cancellationToken).ConfigureAwait(false);
            _answered.UnionWith(answers.Select(a => a.Key));
        }

        return unanswered;
    }

    private async Task<JobWatchResult> CancelAsync(string jobId)
    {
        renderer.Note($"Cancelling job {jobId}…");
        using var grace = new CancellationTokenSource(CancelGracePeriod);
        try
        {
            await connection.CancelAsync(jobId, grace.Token).ConfigureAwait(false);
            // Wait for the job to wind down, so an embedded silo is not torn down under a runner still writing output.
            await foreach (var jobEvent in connection.StreamEventsAsync(jobId, _lastSequence, grace.Token).ConfigureAwait(false))
            {
                _ = jobEvent;
            }

            var status = await connection.GetStatusAsync(jobId, grace.Token).ConfigureAwait(false);
            return new JobWatchResult(status.State == JobState.Cancelled ? JobExitCodes.Cancelled : ExitCodeOf(status), status);
        }
        catch (Exception e) when (e is OperationCanceledException or SiloUnreachableException or SiloRequestException)
        {
            return new JobWatchResult(JobExitCodes.Cancelled, null);
        }
    }
}
