namespace PiiOrleans.Runtime;

/// <summary>
/// A grain call would wait for a non-reentrant activation that is itself waiting on this call chain
/// (A → B → A, or a grain awaiting a call to itself). Mark the grain <see cref="ReentrantAttribute"/> or break the cycle.
/// </summary>
public sealed class GrainDeadlockException : Exception
{
    /// <summary>Creates the exception for the given chain of grain ids, outermost first, ending with the target.</summary>
    public GrainDeadlockException(IReadOnlyList<string> callChain)
        : base(
            $"Deadlock: the call chain {string.Join(" -> ", callChain)} re-enters grain {callChain[^1]}, which is not reentrant and is still " +
            "waiting for this chain. Break the cycle (do not await the call back), or mark the grain class [Reentrant].")
    {
        CallChain = callChain;
    }

    /// <summary>The grains on the cycle, outermost caller first; the last entry is the grain that would be re-entered.</summary>
    public IReadOnlyList<string> CallChain { get; }
}
