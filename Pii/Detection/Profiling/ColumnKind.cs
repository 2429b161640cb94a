namespace PiiOrleans.Pii.Detection.Profiling;

/// <summary>What a column holds, as decided by <see cref="ColumnProfiler"/>.</summary>
public enum ColumnKind
{
    /// <summary>No personal data: copied unchanged.</summary>
    NotPii,
    /// <summary>Every value is one entity (<see cref="ColumnProfile.Entity"/>): the whole cell is operated on.</summary>
    Entity,
    /// <summary>Prose: span detection per value.</summary>
    FreeText,
}
