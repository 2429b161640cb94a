namespace PiiOrleans.Runtime;

/// <summary>Why an activation is being deactivated.</summary>
public enum DeactivationReason
{
    /// <summary>The activation was idle longer than the configured age.</summary>
    IdleTimeout,
    /// <summary>The grain asked for it with <see cref="Grain.DeactivateOnIdle"/>.</summary>
    ApplicationRequested,
    /// <summary>The silo is stopping.</summary>
    ShuttingDown,
    /// <summary>Activation failed in <see cref="Grain.OnActivateAsync"/>.</summary>
    ActivationFailed,
}
