using System.Reflection;

namespace PiiOrleans.Runtime.Internal;

/// <summary>A grain method whose result type is <typeparamref name="T"/> (<see cref="object"/> for methods without a result).</summary>
internal sealed class GrainMethod<T>(MethodInfo method, GrainReturnKind kind, Func<object, object?[]?, Task> invoker)
    : GrainMethod(method, kind, invoker)
{
    public bool HasResult { get; } = kind is GrainReturnKind.TaskOfT or GrainReturnKind.ValueTaskOfT;

    public override object Call(GrainReference target, object?[]? args)
    {
        var call = new GrainCall<T>(this, target, args);
        target.Runtime.Send(call);
        var task = call.Task;
        return Kind switch
        {
            GrainReturnKind.ValueTask => new ValueTask(task),
            GrainReturnKind.ValueTaskOfT => new ValueTask<T>(task),
            _ => task,
        };
    }
}
