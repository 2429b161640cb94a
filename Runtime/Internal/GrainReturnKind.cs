namespace PiiOrleans.Runtime.Internal;

/// <summary>The awaitable a grain interface method returns.</summary>
internal enum GrainReturnKind
{
    Task,
    TaskOfT,
    ValueTask,
    ValueTaskOfT,
}
