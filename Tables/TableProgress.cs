using System.Collections.Immutable;
using Orleans;

namespace PiiOrleans.Tables;

/// <summary>
/// Where a table's copy stands: rows written so far of <see cref="RowsTotal"/>, the column plans in force, the columns
/// switched to pseudonyms because of PRIMARY KEY/UNIQUE collisions, the statistics so far, and how many batches each
/// silo analysed.
/// </summary>
[GenerateSerializer, Immutable, Alias("piiorleans.tables.table-progress")]
public sealed record TableProgress(
    string Table,
    long RowsTotal,
    long RowsWritten,
    bool Done,
    ImmutableArray<ColumnPlan> Columns,
    ImmutableArray<string> CollisionColumns,
    BatchStatistics Statistics,
    double ElapsedSeconds,
    ImmutableSortedDictionary<string, int>? BatchesPerSilo = null);
