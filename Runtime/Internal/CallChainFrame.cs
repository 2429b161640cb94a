namespace PiiOrleans.Runtime.Internal;

/// <summary>
/// One grain turn on the current call chain. The chain flows with the execution context (AsyncLocal), so calls
/// made from inside a turn, directly or from work it started, know which turns they descend from.
/// </summary>
internal sealed class CallChainFrame(GrainActivation activation, GrainCall call, CallChainFrame? parent)
{
    private static readonly AsyncLocal<CallChainFrame?> CurrentFrame = new();

    /// <summary>The innermost turn of the current execution context, null outside grains.</summary>
    public static CallChainFrame? Current
    {
        get => CurrentFrame.Value;
        set => CurrentFrame.Value = value;
    }

    public GrainActivation Activation { get; } = activation;

    public GrainCall Call { get; } = call;

    public CallChainFrame? Parent { get; } = parent;
}
