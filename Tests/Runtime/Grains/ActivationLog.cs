using System.Collections.Concurrent;
using PiiOrleans.Runtime;

namespace PiiOrleans.Tests.Runtime.Grains;

/// <summary>A host singleton test grains report their life cycle to.</summary>
public sealed class ActivationLog
{
    private int activations;

    public ConcurrentQueue<string> Events { get; } = new();

    /// <summary>How many of the next activations of <see cref="FlakyGrain"/> fail.</summary>
    public int FailNextActivations;

    /// <summary>Rendezvous for stateless-worker tests: completes when two calls are inside at once.</summary>
    public TaskCompletionSource BothInside { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Inside;

    /// <summary>Background work started by grains, for tests to await.</summary>
    public ConcurrentQueue<Task> Background { get; } = new();

    public int Activations => Volatile.Read(ref activations);

    public int Activated(string key)
    {
        Events.Enqueue($"activate {key}");
        return Interlocked.Increment(ref activations);
    }

    public void Deactivated(string key, DeactivationReason reason) => Events.Enqueue($"deactivate {key} {reason}");

    public int Count(string entry) => Events.Count(e => e == entry);
}
