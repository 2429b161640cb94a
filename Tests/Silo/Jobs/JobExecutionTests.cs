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
    public async Task The_store_forgets_the_oldest_finished_jobs_beyond_its_limit()
    {
        var services = new ServiceCollection().AddJobType<FailingJobRunner>(FailingJobRunner.TypeName, "test").BuildServiceProvider();
        var registration = services.GetRequiredService<JobTypeCatalog>().All.Single();
        var store = new JobStore(Options.Create(new JobOptions { MaxRetainedJobs = 2 }), TimeProvider.System);
        var running = store.GetOrAdd("running", Submission);
        var finished = store.GetOrAdd("finished", Submission);
        finished.Start(registration, services, null!, NullLogger.Instance);
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!finished.IsFinished && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        store.GetOrAdd("third", Submission);

        Assert.True(finished.IsFinished);
        Assert.Null(store.Find("finished"));
        Assert.Same(running, store.Find("running")); // unfinished jobs are never forgotten, even over the limit
        Assert.NotNull(store.Find("third"));
        Assert.Equal(["third", "running"], store.List(10).Select(s => s.JobId));
    }
}
