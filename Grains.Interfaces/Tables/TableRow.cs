using System.Collections.Immutable;

namespace PiiOrleans.Grains.Interfaces.Tables;

/// <summary>One row: its rowid (null for WITHOUT ROWID tables) and its cells in column order.</summary>
public sealed record TableRow(long? RowId, ImmutableArray<CellValue> Cells);
