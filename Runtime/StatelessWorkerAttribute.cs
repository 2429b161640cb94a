namespace PiiOrleans.Runtime;

/// <summary>
/// The grain gets a local pool of activations per key instead of one activation (Orleans: <c>[StatelessWorker]</c>).
/// <paramref name="maxLocalWorkers"/> ≤ 0 means <see cref="Environment.ProcessorCount"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class StatelessWorkerAttribute(int maxLocalWorkers = -1) : Attribute
{
    /// <summary>The most activations the pool holds per key in one silo.</summary>
    public int MaxLocalWorkers { get; } = maxLocalWorkers;
}
