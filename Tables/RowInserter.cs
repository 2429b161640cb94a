using System.Collections.Immutable;
using Microsoft.Data.Sqlite;
using PiiOrleans.Tables;
using SQLitePCL;

namespace PiiOrleans.Tables;

/// <summary>
/// One prepared INSERT on the output connection: text is bound as UTF-16 spans and nothing is allocated per row (the
/// ADO.NET command costs several microseconds and some allocations per row).
/// </summary>
internal sealed class RowInserter(SqliteConnection connection, string sql) : PreparedStatement(connection, sql)
{
    /// <summary>Inserts one row: <paramref name="rowId"/> first when given, then <paramref name="cells"/>.</summary>
    public void Insert(long? rowId, ImmutableArray<CellValue> cells)
    {
        var index = 1;
        if (rowId is { } id)
        {
            Check(raw.sqlite3_bind_int64(Statement, index++, id));
        }

        foreach (var cell in cells)
        {
            Check(Bind(index++, cell));
        }

        try
        {
            Step();
        }
        finally
        {
            Reset();
        }
    }

    // Empty text and BLOBs are bound explicitly: an empty span has no address, which SQLite would read as NULL.
    private int Bind(int index, in CellValue cell) => cell.Kind switch
    {
        CellKind.Integer => raw.sqlite3_bind_int64(Statement, index, cell.Integer),
        CellKind.Real => raw.sqlite3_bind_double(Statement, index, cell.Real),
        CellKind.Text when cell.Text!.Length == 0 => raw.sqlite3_bind_text(Statement, index, string.Empty),
        CellKind.Text => raw.sqlite3_bind_text16(Statement, index, cell.Text.AsSpan()),
        CellKind.Blob when cell.Blob!.Length == 0 => raw.sqlite3_bind_zeroblob(Statement, index, 0),
        CellKind.Blob => raw.sqlite3_bind_blob(Statement, index, cell.Blob),
        _ => raw.sqlite3_bind_null(Statement, index),
    };
}
