using System.Reflection;

namespace PiiOrleans.Runtime.Internal;

/// <summary>A grain method whose result type is <typeparamref name="T"/> (<see cref="object"/> for methods without a result).</summary>
internal sealed class GrainMethod<T>(MethodInfo method, GrainReturnKind kind, Func<object, object?[]?, Task> invoker)
    : GrainMethod(method, kind, invoker)
{
    public bool HasResult { get; } = kind is GrainReturnKind.TaskOfT or GrainReturnKind.ValueTaskOfT;

    public override Task Invoke(object grain, object?[]? args)
    {
        try
        {
            return Invoker(grain, args) ?? Task.FromException<T>(new InvalidOperationException($"Grain method {Name} returned null instead of a task."));
        }
        catch (Exception e)
        {
            return Task.FromException<T>(e);
        }
    }

    public override object Call(GrainReference target, object?[]? args)
    {
        var runtime = target.Runtime;
        var caller = CallChainFrame.Current;
        if (runtime.FindDeadlock(caller, target) is { } deadlock)
        {
            return Declared(Task.FromException<T>(deadlock));
        }

        if (runtime.TryClaimIdleActivation(target, caller) is { } activation)
        {
            // Fast path: the activation is idle, so this call is next in arrival order and runs its turn on the caller's thread.
            var started = runtime.Metrics.StartCall();
            var task = activation.RunInline(this, args, caller);
            if (task.IsCompleted)
            {
                activation.EndInlineTurn(started);
                return Declared(task);
            }

            var pending = new GrainCall<T>(this, target, null) { Caller = caller };
            pending.ArmTimeout(runtime.Options.CallTimeout);
            _ = activation.FinishInlineTurnAsync(pending, task, started);
            return Declared(pending.Task);
        }

        var call = new GrainCall<T>(this, target, args) { Caller = caller };
        call.ArmTimeout(runtime.Options.CallTimeout);
        runtime.Route(call);
        return Declared(call.Task);
    }

    /// <summary>Converts a task of the grain method (a <see cref="Task{T}"/> when it has a result) to the declared return type.</summary>
    private object Declared(Task task) => Kind switch
    {
        GrainReturnKind.ValueTask => new ValueTask(task),
        GrainReturnKind.ValueTaskOfT => new ValueTask<T>((Task<T>)task),
        _ => task,
    };
}
