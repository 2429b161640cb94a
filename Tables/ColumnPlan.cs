using Orleans;

namespace PiiOrleans.Tables;

/// <summary>
/// The decision for one column: its treatment, the entity of a <see cref="ColumnTreatment.WholeCell"/> column, and
/// whether values must stay distinct (planned for PRIMARY KEY/UNIQUE columns whose operator is not injective), which
/// switches it to consistent pseudonyms; <see cref="CollisionFreeReason"/> says why (no values).
/// <see cref="AnalysisName"/>, when set, is the column name span detection uses as context instead of
/// <see cref="Name"/>: linked columns (<see cref="ColumnLinkGroup"/>) all use the referenced column's, so the same
/// value gets the same decision in every table.
/// </summary>
[GenerateSerializer, Immutable, Alias("piiorleans.tables.column-plan")]
public sealed record ColumnPlan(
    int Ordinal,
    string Name,
    string DeclaredType,
    ColumnTreatment Treatment,
    string? EntityType,
    double Confidence,
    bool CollisionFree,
    string? CollisionFreeReason = null,
    string? AnalysisName = null);
