namespace PiiOrleans.Runtime.Internal;

/// <summary>Life cycle of an activation; it only moves forward.</summary>
internal enum ActivationState
{
    /// <summary>Accepts calls; the grain instance is created by the first one.</summary>
    Created,
    Active,
    /// <summary>Refuses calls (callers re-route to a new activation); OnDeactivateAsync is running.</summary>
    Deactivating,
    Deactivated,
}
