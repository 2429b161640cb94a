using System.Reflection;

namespace PiiOrleans.Runtime.Internal;

/// <summary>
/// Maps grain interfaces to their one implementing class. Built once at start-up from the registered
/// assemblies only; all problems are reported together so a broken registration is fixed in one pass.
/// </summary>
internal sealed class GrainTypeRegistry
{
    private readonly Dictionary<Type, GrainInterfaceInfo> interfaces;

    private GrainTypeRegistry(Dictionary<Type, GrainInterfaceInfo> interfaces) => this.interfaces = interfaces;

    public IEnumerable<GrainInterfaceInfo> Interfaces => interfaces.Values;

    public static GrainTypeRegistry Build(IEnumerable<Assembly> assemblies)
    {
        var types = new List<Type>();
        foreach (var assembly in assemblies)
        {
            try
            {
                types.AddRange(assembly.GetTypes());
            }
            catch (ReflectionTypeLoadException e)
            {
                types.AddRange(e.Types.Where(t => t is not null)!);
            }
        }

        return Build(types);
    }

    public static GrainTypeRegistry Build(IEnumerable<Type> types)
    {
        var declared = new HashSet<Type>();
        var implementations = new Dictionary<Type, List<Type>>();
        foreach (var type in types.Distinct())
        {
            if (IsGrainInterface(type))
            {
                declared.Add(type);
            }
            else if (type.IsClass && !type.IsAbstract && !type.ContainsGenericParameters && type.IsSubclassOf(typeof(Grain)))
            {
                foreach (var implemented in type.GetInterfaces().Where(IsGrainInterface))
                {
                    if (!implementations.TryGetValue(implemented, out var classes))
                    {
                        implementations[implemented] = classes = [];
                    }

                    classes.Add(type);
                }
            }
        }

        var problems = new List<string>();
        foreach (var missing in declared.Where(i => !implementations.ContainsKey(i)).OrderBy(i => i.FullName))
        {
            problems.Add($"grain interface {missing.FullName} has no implementing grain class; add the assembly that holds it with GrainRuntimeOptions.AddGrainAssembly");
        }

        var classInfos = new Dictionary<Type, GrainClassInfo>();
        var result = new Dictionary<Type, GrainInterfaceInfo>();
        foreach (var (grainInterface, classes) in implementations.OrderBy(p => p.Key.FullName))
        {
            if (classes.Count > 1)
            {
                problems.Add(
                    $"grain interface {grainInterface.FullName} is implemented by {classes.Count} grain classes ({string.Join(", ", classes.Select(c => c.FullName).Order())}); " +
                    "exactly one is allowed: give each class its own interface");
                continue;
            }

            var methods = new Dictionary<MethodInfo, GrainMethod>();
            foreach (var method in grainInterface.GetInterfaces().Prepend(grainInterface).SelectMany(i => i.GetMethods()))
            {
                if (GrainMethod.FindSignatureProblem(method) is { } problem)
                {
                    problems.Add($"grain method {method.DeclaringType!.FullName}.{method.Name} {problem}");
                    continue;
                }

                methods[method] = GrainMethod.Create(method);
            }

            var grainClass = classes[0];
            if (!classInfos.TryGetValue(grainClass, out var classInfo))
            {
                classInfos[grainClass] = classInfo = new GrainClassInfo(grainClass);
            }

            result[grainInterface] = new GrainInterfaceInfo(grainInterface, classInfo, methods);
        }

        if (problems.Count > 0)
        {
            throw new GrainRegistrationException("The grain runtime cannot start:" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", problems));
        }

        return new GrainTypeRegistry(result);
    }

    /// <summary>Returns the registration of <paramref name="grainInterface"/>; throws when its assembly was not registered.</summary>
    public GrainInterfaceInfo Get(Type grainInterface) =>
        interfaces.TryGetValue(grainInterface, out var info)
            ? info
            : throw new GrainRegistrationException(
                $"No grain class implements {grainInterface.FullName} in the registered grain assemblies; " +
                "register the assembly of its implementation with GrainRuntimeOptions.AddGrainAssembly.");

    private static bool IsGrainInterface(Type type) =>
        type.IsInterface && !type.ContainsGenericParameters && type != typeof(IGrainWithStringKey) && typeof(IGrainWithStringKey).IsAssignableFrom(type);
}
