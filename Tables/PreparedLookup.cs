using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace PiiOrleans.Tables;

/// <summary>
/// One prepared SELECT: a lookup binds spans and allocates nothing unless it returns text (ADO.NET's
/// <c>ExecuteScalar</c> costs a data reader, boxes and a name search per parameter on every call).
/// </summary>
internal sealed class PreparedLookup(SqliteConnection connection, string sql) : PreparedStatement(connection, sql)
{
    /// <summary>Binds text to parameter <paramref name="index"/> (1-based).</summary>
    public void Bind(int index, ReadOnlySpan<char> text) =>
        Check(text.IsEmpty ? raw.sqlite3_bind_text(Statement, index, string.Empty) : raw.sqlite3_bind_text16(Statement, index, text));

    /// <summary>Binds an integer to parameter <paramref name="index"/> (1-based).</summary>
    public void Bind(int index, long value) => Check(raw.sqlite3_bind_int64(Statement, index, value));

    /// <summary>Binds a BLOB to parameter <paramref name="index"/> (1-based).</summary>
    public void Bind(int index, ReadOnlySpan<byte> blob) =>
        Check(blob.IsEmpty ? raw.sqlite3_bind_zeroblob(Statement, index, 0) : raw.sqlite3_bind_blob(Statement, index, blob));

    /// <summary>True when the bound query returns a row.</summary>
    public bool Exists()
    {
        try
        {
            return Step();
        }
        finally
        {
            Reset();
        }
    }

    /// <summary>The first column of the first row as text, or null when there is no row.</summary>
    public string? FirstText()
    {
        try
        {
            return Step() ? raw.sqlite3_column_text(Statement, 0).utf8_to_string() : null;
        }
        finally
        {
            Reset();
        }
    }
}
