using System.Collections.Immutable;
using Microsoft.Data.Sqlite;
using PiiOrleans.Grains.Interfaces.Tables;
using SQLitePCL;

namespace PiiOrleans.Grains.Tables;

/// <summary>
/// One prepared INSERT on the output connection, bound and stepped through SQLite's own API: text is bound as UTF-16
/// spans and nothing is allocated per row (the ADO.NET command costs several microseconds and some allocations per
/// row). Errors surface as <see cref="SqliteException"/> with SQLite's codes and message, as the ADO.NET path raised.
/// Runs inside the connection's current transaction. Not thread-safe.
/// </summary>
internal sealed class RowInserter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly sqlite3_stmt _statement;

    /// <summary>Prepares <paramref name="sql"/> (an INSERT with one positional parameter per value) on <paramref name="connection"/>.</summary>
    public RowInserter(SqliteConnection connection, string sql)
    {
        _connection = connection;
        var rc = raw.sqlite3_prepare_v2(connection.Handle, sql, out _statement);
        SqliteException.ThrowExceptionForRC(rc, connection.Handle);
    }

    /// <summary>Inserts one row: <paramref name="rowId"/> first when given, then <paramref name="cells"/>.</summary>
    public void Insert(long? rowId, ImmutableArray<CellValue> cells)
    {
        var index = 1;
        if (rowId is { } id)
        {
            Check(raw.sqlite3_bind_int64(_statement, index++, id));
        }

        foreach (var cell in cells)
        {
            Check(Bind(index++, cell));
        }

        var rc = raw.sqlite3_step(_statement);
        try
        {
            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, _connection.Handle);
            }
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _statement.Dispose();

    // Empty text and BLOBs are bound explicitly: an empty span has no address, which SQLite would read as NULL.
    private int Bind(int index, in CellValue cell) => cell.Kind switch
    {
        CellKind.Integer => raw.sqlite3_bind_int64(_statement, index, cell.Integer),
        CellKind.Real => raw.sqlite3_bind_double(_statement, index, cell.Real),
        CellKind.Text when cell.Text!.Length == 0 => raw.sqlite3_bind_text(_statement, index, string.Empty),
        CellKind.Text => raw.sqlite3_bind_text16(_statement, index, cell.Text.AsSpan()),
        CellKind.Blob when cell.Blob!.Length == 0 => raw.sqlite3_bind_zeroblob(_statement, index, 0),
        CellKind.Blob => raw.sqlite3_bind_blob(_statement, index, cell.Blob),
        _ => raw.sqlite3_bind_null(_statement, index),
    };

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            raw.sqlite3_reset(_statement);
            SqliteException.ThrowExceptionForRC(rc, _connection.Handle);
        }
    }
}
