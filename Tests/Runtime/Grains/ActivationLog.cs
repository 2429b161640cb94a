using System.Collections.Concurrent;
using PiiOrleans.Runtime;

namespace PiiOrleans.Tests.Runtime.Grains;

/// <summary>A host singleton test grains report their life cycle to.</summary>
public sealed class ActivationLog
{
    private int activations;

    public ConcurrentQueue<string> Events { get; } = new();

    public int Activations => Volatile.Read(ref activations);

    public int Activated(string key)
    {
        Events.Enqueue($"activate {key}");
        return Interlocked.Increment(ref activations);
    }

    public void Deactivated(string key, DeactivationReason reason) => Events.Enqueue($"deactivate {key} {reason}");

    public int Count(string entry) => Events.Count(e => e == entry);
}
