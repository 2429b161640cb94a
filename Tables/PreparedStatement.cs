using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace PiiOrleans.Tables;

/// <summary>
/// One statement prepared on a connection and bound and stepped through SQLite's own API (ADO.NET binds by name, a
/// linear search per parameter, and allocates readers and boxes per call). Errors surface as
/// <see cref="SqliteException"/> with SQLite's codes and message. Runs inside the connection's current transaction.
/// Not thread-safe.
/// </summary>
internal abstract class PreparedStatement : IDisposable
{
    private readonly SqliteConnection _connection;

    /// <summary>Prepares <paramref name="sql"/> (positional parameters) on <paramref name="connection"/>.</summary>
    protected PreparedStatement(SqliteConnection connection, string sql)
    {
        _connection = connection;
        var rc = raw.sqlite3_prepare_v2(connection.Handle, sql, out var statement);
        SqliteException.ThrowExceptionForRC(rc, connection.Handle);
        Statement = statement;
    }

    /// <summary>The prepared statement.</summary>
    protected sqlite3_stmt Statement { get; }

    /// <inheritdoc />
    public void Dispose() => Statement.Dispose();

    /// <summary>Steps once: true for a row, false when done; an error throws. Callers reset in a <c>finally</c>.</summary>
    protected bool Step()
    {
        var rc = raw.sqlite3_step(Statement);
        if (rc is not (raw.SQLITE_ROW or raw.SQLITE_DONE))
        {
            SqliteException.ThrowExceptionForRC(rc, _connection.Handle);
        }

        return rc == raw.SQLITE_ROW;
    }

    /// <summary>Makes the statement ready to be bound and stepped again.</summary>
    protected void Reset() => raw.sqlite3_reset(Statement);

    /// <summary>Throws for a failed bind (resetting the statement first, so it can be used again).</summary>
    protected void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            raw.sqlite3_reset(Statement);
            SqliteException.ThrowExceptionForRC(rc, _connection.Handle);
        }
    }
}
