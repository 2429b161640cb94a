using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PiiOrleans.Runtime.Internal;

/// <summary>The runtime's instruments on meter <c>PiiOrleans.Runtime</c>. Recording is skipped while nobody listens.</summary>
internal sealed class GrainRuntimeMetrics
{
    public const string MeterName = "PiiOrleans.Runtime";

    private readonly Counter<long> calls;
    private readonly Histogram<double> callDuration;
    private long activations;

    public GrainRuntimeMetrics(IMeterFactory meterFactory, Func<long> queueLength)
    {
        Meter = meterFactory.Create(MeterName);
        calls = Meter.CreateCounter<long>("piiorleans.runtime.calls", "{call}", "Grain calls executed, tagged by grain.type.");
        callDuration = Meter.CreateHistogram<double>("piiorleans.runtime.call.duration", "ms", "Time from the start of a grain call's turn to its completion.");
        Meter.CreateObservableUpDownCounter("piiorleans.runtime.activations", () => Volatile.Read(ref activations), "{activation}", "Active grain activations.");
        Meter.CreateObservableGauge("piiorleans.runtime.queue.length", queueLength, "{call}", "Calls waiting in activation mailboxes.");
    }

    public Meter Meter { get; }

    public long Activations => Volatile.Read(ref activations);

    public void ActivationAdded() => Interlocked.Increment(ref activations);

    public void ActivationRemoved() => Interlocked.Decrement(ref activations);

    /// <summary>Returns a start timestamp, or 0 when call durations are not being recorded.</summary>
    public long StartCall() => callDuration.Enabled ? Stopwatch.GetTimestamp() : 0;

    public void EndCall(GrainClassInfo grainClass, long started)
    {
        if (calls.Enabled)
        {
            calls.Add(1, new KeyValuePair<string, object?>("grain.type", grainClass.Name));
        }

        if (started != 0)
        {
            callDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("grain.type", grainClass.Name));
        }
    }
}
