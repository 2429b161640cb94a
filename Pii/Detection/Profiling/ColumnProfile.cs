namespace PiiOrleans.Pii.Detection.Profiling;

/// <summary>
/// The decision for one column: its kind, the entity when <see cref="Kind"/> is <see cref="ColumnKind.Entity"/>, a confidence in
/// [0, 1] and a short reason (column name rule or value evidence; never a value).
/// </summary>
public sealed record ColumnProfile(string ColumnName, ColumnKind Kind, string? Entity, double Confidence, string Reason)
{
    /// <summary>True when the column needs anonymization (an entity column or free text).</summary>
    public bool IsPii => Kind != ColumnKind.NotPii;
}
