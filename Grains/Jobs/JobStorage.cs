namespace PiiOrleans.Grains.Jobs;

/// <summary>The grain storage provider that holds job state (memory in one process; Redis in a pool).</summary>
public static class JobStorage
{
    /// <summary>The provider's name, as silos register it.</summary>
    public const string Name = "jobs";
}
