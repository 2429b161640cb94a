using System.Collections.Immutable;

namespace PiiOrleans.Tables;

/// <summary>
/// The structure of one user table that the copy needs: its insertable columns, whether it has a rowid (and a name for
/// it that no column shadows), its INTEGER PRIMARY KEY column, and the column sets that must stay unique.
/// </summary>
public sealed record TableShape(
    string Name,
    ImmutableArray<ColumnShape> Columns,
    bool HasRowId,
    string RowIdName,
    int IntegerPrimaryKeyOrdinal,
    ImmutableArray<ImmutableArray<string>> UniqueColumnSets)
{
    /// <summary>Columns that are part of a PRIMARY KEY or UNIQUE constraint or unique index.</summary>
    public IEnumerable<string> UniqueColumns => UniqueColumnSets.SelectMany(set => set).Distinct(StringComparer.OrdinalIgnoreCase);
}
