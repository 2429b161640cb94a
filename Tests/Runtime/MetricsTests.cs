using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using PiiOrleans.Runtime.Internal;
using PiiOrleans.Tests.Runtime.Grains;

namespace PiiOrleans.Tests.Runtime;

public sealed class MetricsTests
{
    [Fact]
    public async Task Activations_calls_durations_and_queue_length_are_reported()
    {
        await using var cluster = await RuntimeCluster.StartAsync();
        var meter = cluster.Services.GetRequiredService<GrainRuntime>().Metrics.Meter;
        Assert.Equal("PiiOrleans.Runtime", meter.Name);
        var longs = new ConcurrentQueue<(string Name, long Value, string? GrainType)>();
        var durations = new ConcurrentQueue<double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, meter))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => longs.Enqueue((instrument.Name, value, GrainType(tags))));
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => durations.Enqueue(value));
        listener.Start();

        var grain = cluster.GrainFactory.GetGrain<ICounterGrain>("metered");
        for (var i = 0; i < 5; i++)
        {
            await grain.Increment();
        }

        var sleeping = grain.Sleep(TimeSpan.FromSeconds(1));
        var queued = Enumerable.Range(0, 4).Select(_ => grain.Increment()).ToArray();
        listener.RecordObservableInstruments();
        await Task.WhenAll(queued.Append(sleeping));

        Assert.Equal(5 + 1 + 4, longs.Where(m => m.Name == "piiorleans.runtime.calls" && m.GrainType == "CounterGrain").Sum(m => m.Value));
        Assert.Equal(1, longs.Last(m => m.Name == "piiorleans.runtime.activations").Value);
        Assert.Equal(4, longs.Last(m => m.Name == "piiorleans.runtime.queue.length").Value);
        Assert.Equal(10, durations.Count);
        Assert.Contains(durations, d => d >= 900);
    }

    private static string? GrainType(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "grain.type")
            {
                return tag.Value as string;
            }
        }

        return null;
    }
}
