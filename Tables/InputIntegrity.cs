using Microsoft.Data.Sqlite;

namespace PiiOrleans.Tables;

/// <summary>
/// Refuses a damaged input before anything is read from it: SQLite may return the readable part of a corrupted page
/// as NULLs or garbage, and the output would look complete while it is not.
/// </summary>
public static class InputIntegrity
{
    /// <summary>Runs <c>PRAGMA quick_check</c>; throws <see cref="TablesPipelineException"/> unless it answers "ok".</summary>
    public static void Check(SqliteConnection connection, string input)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA quick_check(1)";
        var answer = command.ExecuteScalar() as string;
        if (!string.Equals(answer, "ok", StringComparison.Ordinal))
        {
            // SQLite's own findings name pages and cells, never values, but they help nobody here: say what to do.
            throw new TablesPipelineException(
                $"Input {input} is damaged: SQLite's integrity check (PRAGMA quick_check) failed. Nothing was written; restore the database from a backup or export it again.");
        }
    }
}
