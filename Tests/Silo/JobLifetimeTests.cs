using Microsoft.Extensions.DependencyInjection;
using PiiOrleans.Grains.Interfaces.Jobs;
using PiiOrleans.Grains.Jobs;
using PiiOrleans.Tests.Silo.TestJobs;

namespace PiiOrleans.Tests.Silo;

/// <summary>Jobs driven through grains in-process: waiting for completion, and silo shutdown cancelling running jobs.</summary>
public sealed class JobLifetimeTests
{
    [Fact]
    public async Task WaitForCompletion_follows_a_job_through_its_events_to_the_final_status()
    {
        await using var cluster = await TestSilo.StartAsync();
        var job = cluster.GrainFactory.GetGrain<IJobGrain>("in-process-1");
        await job.Start(new JobSubmission(QuestionJobRunner.TypeName, TestJobTypes.NoParameters));
        await job.Answer([new JobAnswer("color", "red")]); // answered before it is asked: cached per key

        var kinds = new List<string>();
        var status = await job.WaitForCompletionAsync(e => kinds.Add(e.Kind)).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(JobState.Succeeded, status.State);
        Assert.Equal("red", status.Result!.Value.GetProperty("answer").GetString());
        Assert.DoesNotContain(JobEventKinds.Question, kinds);
        Assert.Equal(JobEventKinds.Completed, kinds[^1]);
    }

    [Fact]
    public async Task Starting_the_same_id_again_is_idempotent_but_another_type_is_refused()
    {
        await using var cluster = await TestSilo.StartAsync();
        var job = cluster.GrainFactory.GetGrain<IJobGrain>("in-process-2");

        var first = await job.Start(new JobSubmission(WaitingJobRunner.TypeName, TestJobTypes.NoParameters));
        var again = await job.Start(new JobSubmission(WaitingJobRunner.TypeName, TestJobTypes.NoParameters));
        await Assert.ThrowsAsync<JobParameterException>(() => job.Start(new JobSubmission(QuestionJobRunner.TypeName, TestJobTypes.NoParameters)));

        Assert.Equal(first.SubmittedAt, again.SubmittedAt);
        Assert.Single(await job.GetEvents(0, 100), e => e.Kind == JobEventKinds.Started);
        await job.Cancel();
    }

    [Fact]
    public async Task Stopping_the_silo_cancels_running_jobs()
    {
        var cluster = await TestSilo.StartAsync();
        var id = "in-process-3-" + Guid.NewGuid().ToString("N");
        using var watch = new RunnerCancellationWatch(id);
        var job = cluster.GrainFactory.GetGrain<IJobGrain>(id);
        await job.Start(new JobSubmission(WaitingJobRunner.TypeName, TestJobTypes.NoParameters));

        await cluster.DisposeAsync();

        // The job grain's deactivation cancelled the runner before the silo went away.
        Assert.True(watch.Cancelled.IsCompleted);
    }
}
