namespace PiiOrleans.Runtime;

/// <summary>
/// Base class of grain implementations (Orleans: <c>Grain</c>). The runtime sets the identity and factory
/// before <see cref="OnActivateAsync"/> runs; constructor parameters come from the host's service provider.
/// </summary>
public abstract class Grain
{
    internal GrainActivationContext? ActivationContext { get; set; }

    /// <summary>The key this activation was addressed by.</summary>
    protected string GrainKey => Context.Key;

    /// <summary>A factory for calling other grains from this one (calls carry the call chain for deadlock detection).</summary>
    protected IGrainFactory GrainFactory => Context.GrainFactory;

    /// <summary>Returns the key this activation was addressed by (Orleans: <c>this.GetPrimaryKeyString()</c>).</summary>
    public string GetPrimaryKeyString() => Context.Key;

    /// <summary>Called once before the first call is delivered. Load state here.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Called once when the activation is removed (idle timeout, request, or silo shutdown).</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Asks the runtime to deactivate this activation after the current call completes.</summary>
    protected void DeactivateOnIdle() => Context.RequestDeactivation();

    private GrainActivationContext Context =>
        ActivationContext ?? throw new InvalidOperationException("This grain was not created by the grain runtime.");
}
