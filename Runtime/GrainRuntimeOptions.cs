using System.Reflection;

namespace PiiOrleans.Runtime;

/// <summary>Options of the grain runtime (bound from configuration section <c>GrainRuntime</c>).</summary>
public sealed class GrainRuntimeOptions
{
    /// <summary>How long a caller waits for a grain call before a <see cref="TimeoutException"/>.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Activations idle for longer than this are deactivated.</summary>
    public TimeSpan IdleDeactivationAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the idle collector looks for idle activations.</summary>
    public TimeSpan IdleCollectionInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Assemblies whose grain classes are registered; nothing else is scanned.</summary>
    public IList<Assembly> GrainAssemblies { get; } = new List<Assembly>();

    /// <summary>Registers the grain classes of <paramref name="assembly"/>.</summary>
    public GrainRuntimeOptions AddGrainAssembly(Assembly assembly)
    {
        if (!GrainAssemblies.Contains(assembly))
        {
            GrainAssemblies.Add(assembly);
        }

        return this;
    }
}
