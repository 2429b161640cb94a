using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using PiiOrleans.Client.Connection;
using PiiOrleans.Grains.Interfaces.Jobs;
using PiiOrleans.Grains.Jobs;
using PiiOrleans.Tests.Hosting;
using PiiOrleans.Tests.Silo.TestJobs;

namespace PiiOrleans.Tests.Silo;

/// <summary>
/// While a pool's directory recovers from a lost silo, a second activation of a running job can appear elsewhere and
/// save the job's record. The activation whose save is then refused (stale ETag) must not keep a runner going beside
/// the owner's: it stops its runner, tells the caller to retry, and the job goes on from the record that won.
/// </summary>
public sealed class DuplicateJobActivationTests
{
    [Fact]
    public async Task An_activation_whose_save_is_refused_stops_its_runner_and_the_job_resumes_from_the_winning_record()
    {
        await using var cluster = await TestSilo.StartAsync();
        var id = "duplicate-" + Guid.NewGuid().ToString("N");
        using var watch = new RunnerCancellationWatch(id);
        var job = cluster.GrainFactory.GetGrain<IJobGrain>(id);
        await job.Start(new JobSubmission(WaitingJobRunner.TypeName, TestJobTypes.NoParameters));
        await MoveETagAsync(cluster, job);

        // The next change this activation saves is refused; the caller sees a failure it retries.
        var refused = await Assert.ThrowsAsync<InconsistentStateException>(() => job.Answer([new JobAnswer("after", "now")]));
        Assert.True(SiloLoss.IsSiloLoss(refused));
        await watch.Cancelled.WaitAsync(TimeSpan.FromSeconds(10));

        // The retry reaches a fresh activation, which resumes the job from the record that won.
        var events = await RetryUntilAsync(async () =>
        {
            var all = await job.GetEvents(0, 100);
            return all.Any(e => e.Kind == JobEventKinds.Warning && e.Data.GetProperty("code").GetString() == "job_resumed") ? all : null;
        });
        Assert.Equal(JobState.Running, (await job.GetStatus()).State);
        Assert.Single(events, e => e.Kind == JobEventKinds.Started);
        await job.Cancel();
    }

    [Fact]
    public async Task An_activation_whose_save_off_any_call_is_refused_stops_answering_for_the_job()
    {
        await using var cluster = await TestSilo.StartAsync();
        var job = cluster.GrainFactory.GetGrain<IJobGrain>("duplicate-" + Guid.NewGuid().ToString("N"));
        await job.Start(new JobSubmission(WaitingJobRunner.TypeName, TestJobTypes.NoParameters));
        await MoveETagAsync(cluster, job);

        // The runner's end is saved by the activation itself, after the call returned: the refusal reaches no caller.
        await job.Cancel();

        // The stale activation does not go on answering "cancelled" from memory: a fresh one answers from the record
        // that won (still running there) and resumes the job.
        var events = await RetryUntilAsync(async () =>
        {
            var all = await job.GetEvents(0, 100);
            return all.Any(e => e.Kind == JobEventKinds.Warning && e.Data.GetProperty("code").GetString() == "job_resumed") ? all : null;
        });
        Assert.DoesNotContain(events, e => e.Kind == JobEventKinds.Cancelled);
        Assert.Equal(JobState.Running, (await job.GetStatus()).State);
        await job.Cancel();
        Assert.Equal(JobState.Cancelled, (await job.WaitForCompletionAsync().WaitAsync(TimeSpan.FromSeconds(10))).State);
    }

    [Fact]
    public async Task The_console_retries_a_call_refused_by_a_stale_activation_and_reaches_the_job()
    {
        await using var cluster = await TestSilo.StartAsync();
        using var connection = new GrainJobConnection(cluster.GrainFactory, "test");
        var submitted = await connection.SubmitAsync(new JobSubmission(WaitingJobRunner.TypeName, TestJobTypes.NoParameters), CancellationToken.None);
        var job = cluster.GrainFactory.GetGrain<IJobGrain>(submitted.Id);
        await MoveETagAsync(cluster, job);

        // The first try is refused (stale activation); the retry reaches a fresh activation, which resumes the job
        // and takes the answer.
        await connection.AnswerAsync(submitted.Id, [new JobAnswer("color", "red")], CancellationToken.None);

        Assert.Equal(JobState.Running, (await connection.GetStatusAsync(submitted.Id, CancellationToken.None)).State);
        Assert.Contains(await job.GetEvents(0, 100), e => e.Kind == JobEventKinds.Warning && e.Data.GetProperty("code").GetString() == "job_resumed");
        await connection.CancelAsync(submitted.Id, CancellationToken.None);
        Assert.Equal(JobState.Cancelled, (await job.WaitForCompletionAsync().WaitAsync(TimeSpan.FromSeconds(10))).State);
    }

    // What another activation does: read the record and write it back, which moves its ETag.
    private static async Task MoveETagAsync(TestCluster cluster, IJobGrain job)
    {
        var storage = cluster.Services.GetRequiredKeyedService<IGrainStorage>(JobStorage.Name);
        var record = new GrainState<JobRecord>();
        await storage.ReadStateAsync("job", job.GetGrainId(), record);
        Assert.True(record.RecordExists);
        await storage.WriteStateAsync("job", job.GetGrainId(), record);
    }

    private static async Task<T> RetryUntilAsync<T>(Func<Task<T?>> call)
        where T : class
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            try
            {
                if (await call() is { } result)
                {
                    return result;
                }
            }
            catch (Exception e) when (SiloLoss.IsSiloLoss(e))
            {
                // The refused activation may still answer once before it is gone.
            }

            Assert.True(DateTime.UtcNow < deadline, "the job did not come back on a fresh activation");
            await Task.Delay(50);
        }
    }
}
