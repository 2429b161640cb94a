namespace PiiOrleans.Runtime.Internal;

/// <summary>What a grain proxy points at: runtime, interface and key, plus the last activation it reached (a routing shortcut).</summary>
internal sealed class GrainReference(GrainRuntime runtime, GrainInterfaceInfo grainInterface, string key)
{
    public GrainRuntime Runtime { get; } = runtime;

    public GrainInterfaceInfo Interface { get; } = grainInterface;

    public string Key { get; } = key;

    public GrainId Id { get; } = new(grainInterface.Class, key);

    /// <summary>The activation the previous call went to; stale entries are detected by the activation refusing the call.</summary>
    public GrainActivation? CachedActivation { get; set; }
}
