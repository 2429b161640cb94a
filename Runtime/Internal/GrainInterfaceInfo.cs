using System.Reflection;

namespace PiiOrleans.Runtime.Internal;

/// <summary>A grain interface: the class that implements it and its methods (inherited interface methods included).</summary>
internal sealed class GrainInterfaceInfo(Type interfaceType, GrainClassInfo grainClass, IReadOnlyDictionary<MethodInfo, GrainMethod> methods)
{
    public Type InterfaceType { get; } = interfaceType;

    public GrainClassInfo Class { get; } = grainClass;

    public IReadOnlyDictionary<MethodInfo, GrainMethod> Methods { get; } = methods;
}
