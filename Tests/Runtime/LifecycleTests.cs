using Microsoft.Extensions.DependencyInjection;
using PiiOrleans.Runtime;
using PiiOrleans.Tests.Runtime.Grains;

namespace PiiOrleans.Tests.Runtime;

public sealed class LifecycleTests
{
    [Fact]
    public async Task A_failed_activation_fails_the_call_and_the_next_call_retries()
    {
        await using var cluster = await RuntimeCluster.StartAsync();
        var log = cluster.Services.GetRequiredService<ActivationLog>();
        log.FailNextActivations = 1;
        var grain = cluster.GrainFactory.GetGrain<IFlakyGrain>("flaky");

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(grain.Ping);
        Assert.Equal("activation failed on purpose", failure.Message);

        Assert.Equal("pong", await grain.Ping());
        Assert.Equal(1, log.Count("activate flaky"));
    }

    [Fact]
    public async Task Idle_activations_are_deactivated_and_reactivate_on_the_next_call()
    {
        await using var cluster = await RuntimeCluster.StartAsync(o =>
        {
            o.IdleDeactivationAge = TimeSpan.FromMilliseconds(200);
            o.IdleCollectionInterval = TimeSpan.FromMilliseconds(50);
        });
        var log = cluster.Services.GetRequiredService<ActivationLog>();
        var grain = cluster.GrainFactory.GetGrain<ICounterGrain>("idle");

        await grain.Increment();
        Assert.Equal(1, await grain.ActivationNumber());
        await WaitUntilAsync(() => log.Count("deactivate idle IdleTimeout") == 1);

        Assert.Equal(0, await grain.Get());
        Assert.Equal(2, await grain.ActivationNumber());
    }

    [Fact]
    public async Task Busy_activations_are_not_collected()
    {
        await using var cluster = await RuntimeCluster.StartAsync(o =>
        {
            o.IdleDeactivationAge = TimeSpan.FromSeconds(1);
            o.IdleCollectionInterval = TimeSpan.FromMilliseconds(50);
        });
        var log = cluster.Services.GetRequiredService<ActivationLog>();
        var grain = cluster.GrainFactory.GetGrain<ICounterGrain>("busy");

        // Calls keep coming for about twice the idle age.
        for (var i = 0; i < 25; i++)
        {
            await grain.Increment();
            await Task.Delay(80);
        }

        Assert.Equal(25, await grain.Get());
        Assert.Equal(0, log.Count("deactivate busy IdleTimeout"));
    }

    [Fact]
    public async Task DeactivateOnIdle_takes_effect_after_the_current_call()
    {
        await using var cluster = await RuntimeCluster.StartAsync();
        var log = cluster.Services.GetRequiredService<ActivationLog>();
        var grain = cluster.GrainFactory.GetGrain<ICounterGrain>("requested");

        await grain.Increment();
        await grain.DeactivateAfterThisCall();
        await WaitUntilAsync(() => log.Count("deactivate requested ApplicationRequested") == 1);

        Assert.Equal(0, await grain.Get());
        Assert.Equal(2, await grain.ActivationNumber());
    }

    [Fact]
    public async Task A_new_activation_waits_until_the_previous_one_finished_deactivating()
    {
        await using var cluster = await RuntimeCluster.StartAsync();
        var log = cluster.Services.GetRequiredService<ActivationLog>();
        var grain = cluster.GrainFactory.GetGrain<ISlowDeactivationGrain>("slow");

        await grain.DeactivateAfterThisCall();
        await grain.Ping();

        Assert.Equal(["activate slow", "saving", "saved", "activate slow"], log.Events.ToArray());
    }

    [Fact]
    public async Task Host_shutdown_deactivates_every_activation()
    {
        var cluster = await RuntimeCluster.StartAsync();
        var log = cluster.Services.GetRequiredService<ActivationLog>();
        foreach (var key in new[] { "s1", "s2", "s3" })
        {
            await cluster.GrainFactory.GetGrain<ICounterGrain>(key).Increment();
        }

        var queued = cluster.GrainFactory.GetGrain<ICounterGrain>("s1").Sleep(TimeSpan.FromMilliseconds(100));
        await cluster.DisposeAsync();

        Assert.True(queued.IsCompletedSuccessfully);
        foreach (var key in new[] { "s1", "s2", "s3" })
        {
            Assert.Equal(1, log.Count($"deactivate {key} ShuttingDown"));
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached within 5 s");
            await Task.Delay(20);
        }
    }
}
