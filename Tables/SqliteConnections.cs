using Microsoft.Data.Sqlite;

namespace PiiOrleans.Tables;

/// <summary>Opens the pipeline's SQLite connections: input read-only, output tuned for a bulk write into a temporary file.</summary>
public static class SqliteConnections
{
    /// <summary>Opens <paramref name="path"/> read-only (no pooling, so the file is released on dispose).</summary>
    public static SqliteConnection OpenInput(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>Opens (creating) the temporary output <paramref name="path"/> for bulk writing.</summary>
    public static SqliteConnection OpenOutput(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        // The file is published only after the job succeeds and is deleted on any failure, so nothing is ever rolled
        // back: no journal (an in-memory one would hold every index page a slice touches, growing with the table).
        command.CommandText = "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF; PRAGMA cache_size=-16000;";
        command.ExecuteNonQuery();
        return connection;
    }
}
