using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PiiOrleans.Grains.Interfaces.Jobs;
using PiiOrleans.Grains.Jobs;
using PiiOrleans.Tests.Silo.TestJobs;

namespace PiiOrleans.Tests.Silo.Jobs;

public sealed class JobExecutionTests
{
    private static readonly JobSubmission Submission = new("test", JsonDocument.Parse("{}").RootElement);

    [Fact]
    public void Progress_of_one_scope_reported_in_quick_succession_is_coalesced()
    {
        var time = new ManualTimeProvider();
        var execution = new JobExecution("job", Submission, new JobOptions(), time);

        for (var done = 1; done <= 100; done++)
        {
            execution.ReportProgress("rows", new JobProgress(done, 100, "rows"));
            time.Advance(TimeSpan.FromMilliseconds(1));
        }

        time.Advance(TimeSpan.FromSeconds(1));
        execution.ReportProgress("rows", new JobProgress(100, 100, "rows"));
        execution.ReportProgress("files", new JobProgress(1, 2, "files"));

        var events = execution.GetEvents(0, 1000);
        Assert.Equal(3, events.Count);
        Assert.Equal(100, events[0].Data.GetProperty("done").GetInt64()); // the burst kept only its latest report
        Assert.Equal("files", events[2].Data.GetProperty("scope").GetString());
        Assert.Equal(100, execution.Snapshot().Counters["rows"]);
    }

    [Fact]
    public async Task Asking_publishes_every_question_before_waiting_and_cached_answers_are_not_asked_again()
    {
        var execution = new JobExecution("job", Submission, new JobOptions(), TimeProvider.System);
        execution.Answer([new JobAnswer("known", "yes")]);
        JobQuestion[] questions =
        [
            new("known", "k", "Known?", [], null, null),
            new("a", "k", "A?", ["x", "y"], "x", null),
            new("b", "k", "B?", [], null, null),
        ];

        var asking = execution.AskAsync(questions, CancellationToken.None);
        var waiting = execution.Snapshot();

        Assert.Equal(JobState.WaitingForAnswers, waiting.State);
        Assert.Equal(["a", "b"], waiting.OpenQuestions.Select(q => q.Key));
        Assert.Throws<ArgumentException>(() => execution.Answer([new JobAnswer("a", "z")]));
        execution.Answer([new JobAnswer("a", "Y")]);
        Assert.False(asking.IsCompleted);
        execution.Answer([new JobAnswer("b", "free text")]);

        var answers = await asking.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("yes", answers["known"]);
        Assert.Equal("y", answers["a"]);
        Assert.Equal("free text", answers["b"]);
        Assert.Equal(2, execution.GetEvents(0, 100).Count(e => e.Kind == JobEventKinds.Question));
    }

    [Fact]
    public async Task An_early_answer_outside_the_choices_is_dropped_and_the_question_asked()
    {
        var execution = new JobExecution("job", Submission, new JobOptions(), TimeProvider.System);
        execution.Answer([new JobAnswer("a", "maybe"), new JobAnswer("b", "X")]);

        var asking = execution.AskAsync(
            [new JobQuestion("a", "k", "A?", ["x", "y"], null, null), new JobQuestion("b", "k", "B?", ["x", "y"], null, null)],
            CancellationToken.None);

        Assert.Equal(["a"], execution.Snapshot().OpenQuestions.Select(q => q.Key));
        Assert.Contains(execution.GetEvents(0, 100), e => e.Kind == JobEventKinds.Warning);
        execution.Answer([new JobAnswer("a", "y")]);
        var answers = await asking.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("y", answers["a"]);
        Assert.Equal("x", answers["b"]); // stored in the choice's spelling
    }

    [Fact]
    public async Task Waiting_for_events_returns_when_one_arrives()
    {
        var execution = new JobExecution("job", Submission, new JobOptions(), TimeProvider.System);

        var waiting = execution.WaitForEventsAsync(0, 10, TimeSpan.FromSeconds(10));
        Assert.False(waiting.IsCompleted);
        execution.Warn("W1", "something to look at");

        var events = await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(JobEventKinds.Warning, Assert.Single(events).Kind);
    }

    [Fact]
    public async Task A_restored_job_keeps_its_events_and_checkpoint_and_one_that_was_running_resumes_as_the_next_attempt()
    {
        var services = new ServiceCollection().AddJobType<WaitingJobRunner>(WaitingJobRunner.TypeName, "test").BuildServiceProvider();
        var registration = services.GetRequiredService<JobTypeCatalog>().All.Single();
        var options = new JobOptions();
        var running = new JobExecution("job-r", new JobSubmission(WaitingJobRunner.TypeName, JsonDocument.Parse("{}").RootElement), options, TimeProvider.System);
        running.Start(registration, services, null!, NullLogger.Instance, "test-silo");
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (running.GetEvents(0, 10).Count < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        Assert.True(running.TrySaveCheckpoint(1, JsonDocument.Parse("""{"phase":"tables"}""").RootElement));
        Assert.False(running.TrySaveCheckpoint(2, JsonDocument.Parse("""{"phase":"later"}""").RootElement));
        var record = running.ToRecord();
        running.Cancel();

        var restored = JobExecution.Restore("job-r", record, options, TimeProvider.System);
        Assert.True(restored.NeedsResume);
        Assert.Equal(JobState.Running, restored.Snapshot().State);
        Assert.Equal(record.Events.Select(e => e.Sequence), restored.GetEvents(0, 100).Select(e => e.Sequence));

        Assert.True(restored.PrepareResume("other-silo"));
        Assert.False(restored.PrepareResume("other-silo"));
        restored.LaunchResumed(registration, services, null!, NullLogger.Instance, "other-silo");
        Assert.False(restored.NeedsResume);
        Assert.Equal(2, restored.Attempt);
        Assert.Equal("tables", restored.Checkpoint!.Value.GetProperty("phase").GetString());
        // The first attempt's checkpoints are refused from now on: it was superseded.
        Assert.False(restored.TrySaveCheckpoint(1, JsonDocument.Parse("{}").RootElement));
        var resumed = restored.GetEvents(record.Events[^1].Sequence, 10);
        Assert.Contains(resumed, e => e.Kind == JobEventKinds.Warning && e.Data.GetProperty("code").GetString() == "job_resumed");
        restored.Cancel();
        await restored.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(JobState.Cancelled, restored.Snapshot().State);
    }

    [Fact]
    public async Task A_suspended_activation_whose_runner_loses_its_work_on_the_way_out_leaves_the_job_running()
    {
        var (registration, services) = LosingWork();
        var execution = new JobExecution("job-s", new JobSubmission(LosingWorkJobRunner.TypeName, JsonDocument.Parse("""{"lose_when_cancelled":true}""").RootElement),
            new JobOptions(), TimeProvider.System);
        execution.Start(registration, services, null!, NullLogger.Instance, "test-silo");
        await WaitForEventsAsync(execution, 2);

        // The silo stops, or another activation took the job over: the runner's failure on its way out is not the job's end.
        execution.Suspend();
        await execution.Stopped.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(JobState.Running, execution.Snapshot().State);
        Assert.DoesNotContain(execution.GetEvents(0, 100), e => e.Kind == JobEventKinds.Failed);
    }

    [Fact]
    public async Task A_job_resumed_late_in_its_life_still_gets_its_activation_s_retries_after_losing_work()
    {
        // The record of a job that already used eight attempts on other silos (two kills, several retries each).
        var (registration, services) = LosingWork();
        var options = new JobOptions();
        var earlier = new JobExecution("job-l", new JobSubmission(LosingWorkJobRunner.TypeName, JsonDocument.Parse("""{"lose_before_attempt":10}""").RootElement),
            options, TimeProvider.System);
        var record = earlier.ToRecord();
        record.State = JobState.Running;
        record.Attempt = JobExecution.MaxRunsInActivation;

        var restored = JobExecution.Restore("job-l", record, options, TimeProvider.System);
        Assert.True(restored.PrepareResume("other-silo"));
        restored.LaunchResumed(registration, services, null!, NullLogger.Instance, "other-silo");
        await restored.Completion.WaitAsync(TimeSpan.FromSeconds(20));

        // Attempt 9 lost its work once; attempt 10, in the same activation, finished the job.
        var status = restored.Snapshot();
        Assert.True(status.State == JobState.Succeeded, status.Error);
        Assert.Equal(10, status.Result!.Value.GetProperty("attempt").GetInt32());
    }

    [Fact]
    public void Preparing_a_resume_starts_no_runner_until_the_attempt_is_launched()
    {
        var earlier = new JobExecution("job-p", new JobSubmission(LosingWorkJobRunner.TypeName, JsonDocument.Parse("{}").RootElement),
            new JobOptions(), TimeProvider.System);
        var record = earlier.ToRecord();
        record.State = JobState.Running;
        record.Attempt = 1;

        var restored = JobExecution.Restore("job-p", record, new JobOptions(), TimeProvider.System);
        Assert.True(restored.PrepareResume("other-silo"));

        // The grain persists attempt 2 now; if that write is refused (a duplicate activation), nothing has run.
        Assert.True(restored.Stopped.IsCompleted);
        Assert.Equal(2, restored.Attempt);
        Assert.DoesNotContain(restored.GetEvents(0, 100), e => e.Kind == JobEventKinds.Progress);
    }

    [Fact]
    public void A_watcher_that_read_events_the_lost_activation_never_saved_still_sees_the_resumed_activation_s_events()
    {
        var earlier = new JobExecution("job-w", new JobSubmission(LosingWorkJobRunner.TypeName, JsonDocument.Parse("{}").RootElement),
            new JobOptions(), TimeProvider.System);
        earlier.Warn("saved", "in the record");
        var record = earlier.ToRecord();
        record.State = JobState.Running;
        record.Attempt = 1;
        // After that save the lost activation appended more events, which a watcher read from its memory.
        for (var i = 0; i < 50; i++)
        {
            earlier.Warn("unsaved", "lost with its silo");
        }

        var lastSeen = earlier.GetEvents(0, 100)[^1].Sequence;

        var restored = JobExecution.Restore("job-w", record, new JobOptions(), TimeProvider.System);
        Assert.True(restored.PrepareResume("other-silo"));

        var next = Assert.Single(restored.GetEvents(lastSeen, 100));
        Assert.Equal("job_resumed", next.Data.GetProperty("code").GetString());
    }

    private static (JobTypeRegistration Registration, ServiceProvider Services) LosingWork()
    {
        var services = new ServiceCollection().AddJobType<LosingWorkJobRunner>(LosingWorkJobRunner.TypeName, "test").BuildServiceProvider();
        return (services.GetRequiredService<JobTypeCatalog>().All.Single(), services);
    }

    private static async Task WaitForEventsAsync(JobExecution execution, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (execution.GetEvents(0, 100).Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }
    }
}
