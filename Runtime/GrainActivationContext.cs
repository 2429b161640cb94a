namespace PiiOrleans.Runtime;

/// <summary>What the runtime tells an activation about itself. Implemented by the runtime.</summary>
internal abstract class GrainActivationContext
{
    public abstract string Key { get; }

    public abstract IGrainFactory GrainFactory { get; }

    public abstract void RequestDeactivation();
}
