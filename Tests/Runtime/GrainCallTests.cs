using Microsoft.Extensions.DependencyInjection;
using PiiOrleans.Tests.Runtime.Grains;

namespace PiiOrleans.Tests.Runtime;

public sealed class GrainCallTests
{
    [Fact]
    public async Task GetGrain_returns_a_cached_reference_without_activating()
    {
        await using var cluster = await RuntimeCluster.StartAsync();
        var log = cluster.Services.GetRequiredService<ActivationLog>();

        var first = cluster.GrainFactory.GetGrain<ICounterGrain>("a");
        var second = cluster.GrainFactory.GetGrain<ICounterGrain>("a");

        Assert.Same(first, second);
        Assert.NotSame(first, cluster.GrainFactory.GetGrain<ICounterGrain>("b"));
        Assert.Equal(0, log.Activations);
        await first.Increment();
        Assert.Equal(1, log.Activations);
    }

    [Fact]
    public async Task Arguments_and_results_travel_for_every_return_kind()
    {
        await using var cluster = await RuntimeCluster.StartAsync();
        var grain = cluster.GrainFactory.GetGrain<ICounterGrain>("kinds");

        Assert.Equal("abab", await grain.Echo("ab", 2));
        await grain.Increment();
        await grain.Increment();
        Assert.Equal(2, await grain.Get());
        await grain.Reset();
        Assert.Equal(0, await grain.Get());
    }

    [Fact]
    public async Task Concurrent_first_calls_create_exactly_one_activation()
    {
        await using var cluster = await RuntimeCluster.StartAsync();
        var log = cluster.Services.GetRequiredService<ActivationLog>();
        using var start = new ManualResetEventSlim();

        var callers = Enumerable.Range(0, 64).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return await cluster.GrainFactory.GetGrain<ICounterGrain>("one").ActivationNumber();
        })).ToArray();
        start.Set();
        var seen = await Task.WhenAll(callers);

        Assert.Equal(1, log.Count("activate one"));
        Assert.Single(seen.Distinct());
    }

    [Fact]
    public async Task Ten_thousand_concurrent_calls_never_overlap()
    {
        await using var cluster = await RuntimeCluster.StartAsync();
        var grain = cluster.GrainFactory.GetGrain<ICounterGrain>("turns");

        await Task.WhenAll(Enumerable.Range(0, 10_000).Select(_ => Task.Run(grain.Increment)));

        Assert.Equal(10_000, await grain.Get());
    }

    [Fact]
    public async Task A_turn_lasts_until_the_method_task_completes()
    {
        await using var cluster = await RuntimeCluster.StartAsync();
        var grain = cluster.GrainFactory.GetGrain<ICounterGrain>("awaits");

        // IncrementSlowly reads, awaits, then writes: interleaving calls would lose updates.
        var results = await Task.WhenAll(Enumerable.Range(0, 500).Select(_ => grain.IncrementSlowly()));

        Assert.Equal(500, await grain.Get());
        Assert.Equal(Enumerable.Range(1, 500), results.Order());
    }

    [Fact]
    public async Task Calls_run_in_arrival_order()
    {
        await using var cluster = await RuntimeCluster.StartAsync();
        var grain = cluster.GrainFactory.GetGrain<IOrderGrain>("order");

        var calls = Enumerable.Range(0, 1000).Select(grain.Record).ToArray();
        await Task.WhenAll(calls);

        Assert.Equal(Enumerable.Range(0, 1000), await grain.Recorded());
    }

    [Fact]
    public async Task Exceptions_reach_the_caller_with_their_type_and_message()
    {
        await using var cluster = await RuntimeCluster.StartAsync();
        var grain = cluster.GrainFactory.GetGrain<ICounterGrain>("errors");

        var asynchronous = await Assert.ThrowsAsync<ArgumentException>(() => grain.Fail("bad input in row 3"));
        Assert.Equal("bad input in row 3", asynchronous.Message);
        var synchronous = await Assert.ThrowsAsync<InvalidOperationException>(grain.FailSynchronously);
        Assert.Equal("thrown before any await", synchronous.Message);

        // The activation survives a failed call.
        await grain.Increment();
        Assert.Equal(1, await grain.Get());
    }

    [Fact]
    public async Task A_slow_call_times_out_naming_grain_key_and_method()
    {
        await using var cluster = await RuntimeCluster.StartAsync(o => o.CallTimeout = TimeSpan.FromMilliseconds(200));
        var grain = cluster.GrainFactory.GetGrain<ICounterGrain>("slow-key");

        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => grain.Sleep(TimeSpan.FromSeconds(1)));

        Assert.Contains("CounterGrain", timeout.Message);
        Assert.Contains("slow-key", timeout.Message);
        Assert.Contains("ICounterGrain.Sleep", timeout.Message);
    }
}
