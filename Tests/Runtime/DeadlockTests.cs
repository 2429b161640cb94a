using Microsoft.Extensions.DependencyInjection;
using PiiOrleans.Runtime;
using PiiOrleans.Runtime.Internal;
using PiiOrleans.Tests.Runtime.Grains;

namespace PiiOrleans.Tests.Runtime;

public sealed class DeadlockTests
{
    [Fact]
    public async Task A_calls_B_calls_A_fails_fast_naming_the_cycle()
    {
        await using var cluster = await RuntimeCluster.StartAsync();
        var a = cluster.GrainFactory.GetGrain<IChainGrain>("a");

        var deadlock = await Assert.ThrowsAsync<GrainDeadlockException>(() => a.CallThrough("b").WaitAsync(TimeSpan.FromSeconds(5)));

        Assert.Equal(["ChainGrain/a", "ChainGrain/b", "ChainGrain/a"], deadlock.CallChain);
        Assert.Contains("ChainGrain/a -> ChainGrain/b -> ChainGrain/a", deadlock.Message);
    }

    [Fact]
    public async Task A_grain_awaiting_a_call_to_itself_fails_fast()
    {
        await using var cluster = await RuntimeCluster.StartAsync();
        var self = cluster.GrainFactory.GetGrain<IChainGrain>("self");

        await Assert.ThrowsAsync<GrainDeadlockException>(() => self.CallSelf().WaitAsync(TimeSpan.FromSeconds(5)));
        await Assert.ThrowsAsync<GrainDeadlockException>(() => self.CallSelfThroughTaskRun().WaitAsync(TimeSpan.FromSeconds(5)));

        // The failed calls did not break the activation.
        Assert.Equal(1, await self.Ping());
    }

    [Fact]
    public async Task Background_work_left_by_a_finished_turn_may_call_back()
    {
        await using var cluster = await RuntimeCluster.StartAsync();
        var log = cluster.Services.GetRequiredService<ActivationLog>();
        var a = cluster.GrainFactory.GetGrain<IChainGrain>("background-a");

        await a.StartBackgroundCallThrough("background-b");
        Assert.True(log.Background.TryDequeue(out var background));

        // The chain still names A, but A's turn has ended, so the call back is not a deadlock.
        await background.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Reentrant_grains_may_call_themselves()
    {
        await using var cluster = await RuntimeCluster.StartAsync();

        Assert.Equal(42, await cluster.GrainFactory.GetGrain<IReentrantGrain>("self").CallSelf().WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Calls_from_outside_grains_carry_no_chain()
    {
        await using var cluster = await RuntimeCluster.StartAsync();
        var grain = cluster.GrainFactory.GetGrain<IChainGrain>("outside");

        // Many overlapping outside calls to one non-reentrant grain simply queue.
        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => grain.Ping()));

        Assert.All(results, r => Assert.Equal(1, r));

        // A turn run inline on this thread must not leave its frame in the caller's context.
        await grain.Ping();
        Assert.Null(CallChainFrame.Current);
    }
}
