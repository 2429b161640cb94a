using Microsoft.Extensions.DependencyInjection;
using PiiOrleans.Tests.Runtime.Grains;

namespace PiiOrleans.Tests.Runtime;

public sealed class SchedulingTests
{
    [Fact]
    public async Task Reentrant_calls_interleave_at_awaits()
    {
        await using var cluster = await RuntimeCluster.StartAsync();
        var grain = cluster.GrainFactory.GetGrain<IReentrantGrain>("gate");

        var waiting = grain.WaitForRelease();
        await grain.Release();

        // A non-reentrant grain would still be inside WaitForRelease and never deliver Release.
        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Reentrant_calls_never_run_in_parallel()
    {
        await using var cluster = await RuntimeCluster.StartAsync();
        var grain = cluster.GrainFactory.GetGrain<IReentrantGrain>("steps");

        var overlaps = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => grain.Step(200))));

        Assert.DoesNotContain(true, overlaps);
    }

    [Fact]
    public async Task Non_reentrant_grain_queues_calls_behind_a_waiting_turn()
    {
        await using var cluster = await RuntimeCluster.StartAsync();
        var grain = cluster.GrainFactory.GetGrain<ICounterGrain>("queued");

        var sleeping = grain.Sleep(TimeSpan.FromMilliseconds(300));
        var increment = grain.Increment();
        await Task.Delay(100);

        Assert.False(increment.IsCompleted);
        await Task.WhenAll(sleeping, increment);
        Assert.Equal(1, await grain.Get());
    }

    [Fact]
    public async Task Stateless_worker_calls_run_in_parallel_on_different_activations()
    {
        await using var cluster = await RuntimeCluster.StartAsync();
        var worker = cluster.GrainFactory.GetGrain<IWorkerGrain>("pool");

        // Each call waits until another call is inside at the same time: one activation could never satisfy both.
        var ids = await Task.WhenAll(Task.Run(worker.MeetAnother), Task.Run(worker.MeetAnother));

        Assert.NotEqual(ids[0], ids[1]);
    }

    [Fact]
    public async Task Stateless_worker_pool_does_not_exceed_its_maximum()
    {
        await using var cluster = await RuntimeCluster.StartAsync();
        var worker = cluster.GrainFactory.GetGrain<IWorkerGrain>("bounded");

        var ids = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => worker.Identify(TimeSpan.FromMilliseconds(100))));

        Assert.Equal(2, ids.Distinct().Count());
    }

    [Fact]
    public async Task Grain_classes_get_constructor_injection_from_the_host()
    {
        await using var cluster = await RuntimeCluster.StartAsync();
        var log = cluster.Services.GetRequiredService<ActivationLog>();

        await cluster.GrainFactory.GetGrain<ICounterGrain>("injected").Increment();

        Assert.Contains("activate injected", log.Events);
    }
}
