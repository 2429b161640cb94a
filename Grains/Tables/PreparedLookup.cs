using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace PiiOrleans.Grains.Tables;

/// <summary>
/// One prepared SELECT on a connection, bound and stepped through SQLite's own API: a lookup binds spans and allocates
/// nothing unless it returns text (ADO.NET's <c>ExecuteScalar</c> costs a data reader, boxes and a name search per
/// parameter on every call). Runs inside the connection's current transaction. Not thread-safe.
/// </summary>
internal sealed class PreparedLookup : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly sqlite3_stmt _statement;

    /// <summary>Prepares <paramref name="sql"/> (positional parameters ?1, ?2, …) on <paramref name="connection"/>.</summary>
    public PreparedLookup(SqliteConnection connection, string sql)
    {
        _connection = connection;
        var rc = raw.sqlite3_prepare_v2(connection.Handle, sql, out _statement);
        SqliteException.ThrowExceptionForRC(rc, connection.Handle);
    }

    /// <summary>Binds text to parameter <paramref name="index"/> (1-based).</summary>
    public void Bind(int index, ReadOnlySpan<char> text) =>
        Check(text.IsEmpty ? raw.sqlite3_bind_text(_statement, index, string.Empty) : raw.sqlite3_bind_text16(_statement, index, text));

    /// <summary>Binds an integer to parameter <paramref name="index"/> (1-based).</summary>
    public void Bind(int index, long value) => Check(raw.sqlite3_bind_int64(_statement, index, value));

    /// <summary>Binds a BLOB to parameter <paramref name="index"/> (1-based).</summary>
    public void Bind(int index, ReadOnlySpan<byte> blob) =>
        Check(blob.IsEmpty ? raw.sqlite3_bind_zeroblob(_statement, index, 0) : raw.sqlite3_bind_blob(_statement, index, blob));

    /// <summary>True when the bound query returns a row.</summary>
    public bool Exists()
    {
        try
        {
            return Step();
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    /// <summary>The first column of the first row as text, or null when there is no row.</summary>
    public string? FirstText()
    {
        try
        {
            return Step() ? raw.sqlite3_column_text(_statement, 0).utf8_to_string() : null;
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _statement.Dispose();

    private bool Step()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc is not (raw.SQLITE_ROW or raw.SQLITE_DONE))
        {
            SqliteException.ThrowExceptionForRC(rc, _connection.Handle);
        }

        return rc == raw.SQLITE_ROW;
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _connection.Handle);
        }
    }
}
