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

    /// <summary>The output's page cache by default (kilobytes).</summary>
    public const int OutputPageCacheKilobytes = 16_000;

    /// <summary>
    /// Opens (creating) the temporary output <paramref name="path"/> for bulk writing, with a page cache of at most
    /// <paramref name="pageCacheKilobytes"/>.
    /// </summary>
    public static SqliteConnection OpenOutput(string path, int pageCacheKilobytes = OutputPageCacheKilobytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageCacheKilobytes, 1);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        // A rollback journal on disk: a table is written in one transaction, so when the silo writing it dies, the next
        // opening rolls the file back to the tables finished before and a resumed job redoes only that table. Only
        // pages that existed before the transaction are journaled (a table's pages are new), so it stays small.
        // synchronous=OFF: this survives the death of a process, not of its machine (the file is not yet published).
        command.CommandText = "PRAGMA journal_mode=DELETE; PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF; PRAGMA cache_size=-" + pageCacheKilobytes.ToString(System.Globalization.CultureInfo.InvariantCulture) + ";";
        command.ExecuteNonQuery();
        return connection;
    }
}
