namespace PiiOrleans.Grains.Interfaces.Tables;

/// <summary>
/// The decision for one column: its treatment, the entity of a <see cref="ColumnTreatment.WholeCell"/> column, and
/// whether values must stay distinct (PRIMARY KEY/UNIQUE collision seen), which switches to consistent pseudonyms.
/// </summary>
public sealed record ColumnPlan(
    int Ordinal,
    string Name,
    string DeclaredType,
    ColumnTreatment Treatment,
    string? EntityType,
    double Confidence,
    bool CollisionFree);
