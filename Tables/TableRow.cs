using System.Collections.Immutable;
using Orleans;

namespace PiiOrleans.Tables;

/// <summary>One row: its rowid (null for WITHOUT ROWID tables) and its cells in column order.</summary>
[GenerateSerializer, Immutable, Alias("piiorleans.tables.table-row")]
public sealed record TableRow(long? RowId, ImmutableArray<CellValue> Cells);
