namespace PiiOrleans.Runtime.Internal;

/// <summary>One call waiting in, or running on, an activation's mailbox.</summary>
internal abstract class GrainCall
{
    private Timer? timeout;

    protected GrainCall(GrainMethod method, GrainReference target, object?[]? args)
    {
        Method = method;
        Target = target;
        Args = args;
    }

    public GrainMethod Method { get; }

    public GrainReference Target { get; }

    /// <summary>The arguments; cleared once the method has been invoked so long-lived call chains do not keep them alive.</summary>
    public object?[]? Args { get; set; }

    /// <summary>The call chain of the caller (null for calls from outside any grain).</summary>
    public CallChainFrame? Caller { get; set; }

    public abstract bool IsCompleted { get; }

    /// <summary>Completes the caller's task with the outcome of the grain method's task: result, original exception or cancellation.</summary>
    public abstract void SetOutcome(Task finished);

    /// <summary>Fails the caller's task with <paramref name="exception"/> (rethrown as is to the caller).</summary>
    public abstract void SetFailure(Exception exception);

    /// <summary>Starts the call timeout; the grain keeps running, but the caller gets a <see cref="TimeoutException"/>.</summary>
    public void ArmTimeout(TimeSpan after)
    {
        if (after != Timeout.InfiniteTimeSpan)
        {
            timeout = new Timer(static state => ((GrainCall)state!).OnTimeout(), this, after, Timeout.InfiniteTimeSpan);
        }
    }

    protected void DisarmTimeout() => Interlocked.Exchange(ref timeout, null)?.Dispose();

    private void OnTimeout()
    {
        var after = Target.Runtime.Options.CallTimeout;
        SetFailure(new TimeoutException(
            $"The call {Method.Name} to grain {Target.Interface.Class.Name} with key '{Target.Key}' did not complete within {after}. " +
            "The grain may be blocked or overloaded; if the work legitimately takes longer, raise GrainRuntime:CallTimeout."));
    }
}
