namespace PiiOrleans.Runtime.Internal;

/// <summary>Identity of a grain: its implementation class and key (like Orleans, two interfaces of one class share activations).</summary>
internal readonly record struct GrainId(GrainClassInfo Class, string Key)
{
    public override string ToString() => $"{Class.Name}/{Key}";
}
