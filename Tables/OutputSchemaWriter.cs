using Microsoft.Data.Sqlite;

namespace PiiOrleans.Tables;

/// <summary>
/// Recreates the input's schema in the output from the exact CREATE statements: tables and UNIQUE indexes before the
/// rows (so collisions are detected on insert), other indexes, views and triggers after them (so triggers do not fire
/// during the copy), and the AUTOINCREMENT counters of <c>sqlite_sequence</c> last.
/// </summary>
public static class OutputSchemaWriter
{
    /// <summary>Creates the tables and unique indexes of <paramref name="schema"/> in the empty output database.</summary>
    public static void CreateTables(SqliteConnection output, DatabaseSchema schema)
    {
        using var transaction = output.BeginTransaction();
        foreach (var table in schema.Tables)
        {
            Execute(output, table);
        }

        foreach (var index in schema.Others.Where(IsUniqueIndex))
        {
            Execute(output, index);
        }

        transaction.Commit();
    }

    /// <summary>Creates the remaining indexes, the views and the triggers, and copies <c>sqlite_sequence</c> from the input.</summary>
    public static void Complete(SqliteConnection output, SqliteConnection input, DatabaseSchema schema)
    {
        using var transaction = output.BeginTransaction();
        foreach (var item in schema.Others.Where(o => o.Type == "index" && !IsUniqueIndex(o)))
        {
            Execute(output, item);
        }

        foreach (var item in schema.Others.Where(o => o.Type is "view" or "trigger"))
        {
            Execute(output, item);
        }

        if (schema.HasSqliteSequence)
        {
            CopySequence(output, input);
        }

        transaction.Commit();
    }

    private static bool IsUniqueIndex(SchemaObject item) =>
        item.Type == "index" && item.Sql.TrimStart().StartsWith("CREATE UNIQUE", StringComparison.OrdinalIgnoreCase);

    private static void Execute(SqliteConnection output, SchemaObject item)
    {
        try
        {
            using var command = output.CreateCommand();
            command.CommandText = item.Sql;
            command.ExecuteNonQuery();
        }
        catch (SqliteException ex)
        {
            throw new TablesPipelineException(
                $"Cannot recreate {item.Type} {SqlIdentifier.Quote(item.Name)} in the output ({ex.Message}). " +
                "Check that its CREATE statement is valid for this SQLite version.", ex);
        }
    }

    private static void CopySequence(SqliteConnection output, SqliteConnection input)
    {
        using var clear = output.CreateCommand();
        clear.CommandText = "DELETE FROM sqlite_sequence";
        clear.ExecuteNonQuery();
        using var read = input.CreateCommand();
        read.CommandText = "SELECT name, seq FROM sqlite_sequence ORDER BY rowid";
        using var reader = read.ExecuteReader();
        using var insert = output.CreateCommand();
        insert.CommandText = "INSERT INTO sqlite_sequence (name, seq) VALUES ($name, $seq)";
        var name = insert.Parameters.Add("$name", SqliteType.Text);
        var seq = insert.Parameters.Add("$seq", SqliteType.Integer);
        while (reader.Read())
        {
            name.Value = reader.GetValue(0);
            seq.Value = reader.GetValue(1);
            insert.ExecuteNonQuery();
        }
    }
}
