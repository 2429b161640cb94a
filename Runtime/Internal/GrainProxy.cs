using System.Reflection;

namespace PiiOrleans.Runtime.Internal;

/// <summary>The object <see cref="IGrainFactory.GetGrain{TGrainInterface}"/> returns: turns interface calls into grain calls.</summary>
internal class GrainProxy : DispatchProxy
{
    private GrainReference? reference;

    // The last method called through this proxy: saves the dictionary lookup for the common repeated call.
    private GrainMethod? lastMethod;

    internal GrainReference Reference
    {
        get => reference!;
        set => reference = value;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        var method = lastMethod;
        if (method is null || !ReferenceEquals(method.Method, targetMethod))
        {
            if (targetMethod is null || !reference!.Interface.Methods.TryGetValue(targetMethod, out method))
            {
                throw new NotSupportedException($"{targetMethod?.Name} is not a grain method of {reference!.Interface.InterfaceType.FullName}.");
            }

            lastMethod = method;
        }

        return method.Call(reference!, args);
    }

    public override string ToString() => $"GrainReference {reference!.Id}";
}
