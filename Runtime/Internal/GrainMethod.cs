using System.Linq.Expressions;
using System.Reflection;

namespace PiiOrleans.Runtime.Internal;

/// <summary>
/// One grain interface method with a compiled invoker, so a call costs a delegate call instead of
/// <see cref="MethodBase.Invoke(object?, object?[])"/>.
/// </summary>
internal abstract class GrainMethod
{
    protected GrainMethod(MethodInfo method, GrainReturnKind kind, Func<object, object?[]?, Task> invoker)
    {
        Method = method;
        Kind = kind;
        Invoker = invoker;
        Name = $"{method.DeclaringType!.Name}.{method.Name}";
    }

    public MethodInfo Method { get; }

    /// <summary>Interface and method name, for messages.</summary>
    public string Name { get; }

    public GrainReturnKind Kind { get; }

    /// <summary>Calls the method on a grain instance and returns its task (value tasks are converted).</summary>
    public Func<object, object?[]?, Task> Invoker { get; }

    /// <summary>Runs the method on <paramref name="grain"/>; a synchronous throw becomes a faulted task of the declared type.</summary>
    public abstract Task Invoke(object grain, object?[]? args);

    /// <summary>Sends a call through <paramref name="target"/> and returns the awaitable the interface method declares.</summary>
    public abstract object Call(GrainReference target, object?[]? args);

    /// <summary>Describes why <paramref name="method"/> cannot be a grain method, or returns null when it can.</summary>
    public static string? FindSignatureProblem(MethodInfo method)
    {
        if (ReturnKindOf(method.ReturnType) is null)
        {
            return $"returns {method.ReturnType.Name}; grain methods must return Task, Task<T>, ValueTask or ValueTask<T>";
        }

        if (method.IsGenericMethodDefinition)
        {
            return "is generic; grain methods cannot have type parameters";
        }

        foreach (var parameter in method.GetParameters())
        {
            if (parameter.ParameterType.IsByRef || parameter.ParameterType.IsPointer)
            {
                return $"has by-reference or pointer parameter '{parameter.Name}'; grain arguments are passed by value";
            }
        }

        return null;
    }

    /// <summary>Builds the method entry; the signature must have passed <see cref="FindSignatureProblem"/>.</summary>
    public static GrainMethod Create(MethodInfo method)
    {
        var kind = ReturnKindOf(method.ReturnType)!.Value;
        var resultType = kind is GrainReturnKind.TaskOfT or GrainReturnKind.ValueTaskOfT
            ? method.ReturnType.GetGenericArguments()[0]
            : typeof(object);
        var invoker = CompileInvoker(method, kind);
        var concrete = typeof(GrainMethod<>).MakeGenericType(resultType);
        return (GrainMethod)Activator.CreateInstance(concrete, method, kind, invoker)!;
    }

    private static GrainReturnKind? ReturnKindOf(Type type)
    {
        if (type == typeof(Task))
        {
            return GrainReturnKind.Task;
        }

        if (type == typeof(ValueTask))
        {
            return GrainReturnKind.ValueTask;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Task<>))
        {
            return GrainReturnKind.TaskOfT;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            return GrainReturnKind.ValueTaskOfT;
        }

        return null;
    }

    private static Func<object, object?[]?, Task> CompileInvoker(MethodInfo method, GrainReturnKind kind)
    {
        var grain = Expression.Parameter(typeof(object), "grain");
        var args = Expression.Parameter(typeof(object?[]), "args");
        var parameters = method.GetParameters();
        var arguments = new Expression[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            arguments[i] = Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(i)), parameters[i].ParameterType);
        }

        Expression body = Expression.Call(Expression.Convert(grain, method.DeclaringType!), method, arguments);
        if (kind is GrainReturnKind.ValueTask or GrainReturnKind.ValueTaskOfT)
        {
            body = Expression.Call(body, method.ReturnType.GetMethod(nameof(ValueTask.AsTask), Type.EmptyTypes)!);
        }

        body = Expression.Convert(body, typeof(Task));
        return Expression.Lambda<Func<object, object?[]?, Task>>(body, grain, args).Compile();
    }
}
