namespace PiiOrleans.Runtime;

/// <summary>Calls to an activation of this grain class may interleave (Orleans: <c>[Reentrant]</c>).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class ReentrantAttribute : Attribute;
