namespace PiiOrleans.Runtime.Internal;

/// <summary>
/// One grain turn on the current call chain (the frame object is the turn's identity). The chain flows with the execution context (AsyncLocal), so calls
/// made from inside a turn, directly or from work it started, know which turns they descend from.
/// </summary>
internal sealed class CallChainFrame(GrainActivation activation, CallChainFrame? parent)
{
    private static readonly AsyncLocal<CallChainFrame?> CurrentFrame = new();

    /// <summary>The innermost turn of the current execution context, null outside grains.</summary>
    public static CallChainFrame? Current
    {
        get => CurrentFrame.Value;
        set => CurrentFrame.Value = value;
    }

    public GrainActivation Activation { get; } = activation;

    public CallChainFrame? Parent { get; } = parent;

    /// <summary>Number of turns on the chain, this one included.</summary>
    public int Depth { get; } = parent is null ? 1 : parent.Depth + 1;
}
