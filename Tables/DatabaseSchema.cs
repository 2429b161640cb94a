using System.Collections.Immutable;
using Microsoft.Data.Sqlite;

namespace PiiOrleans.Tables;

/// <summary>
/// The schema of a SQLite database read from <c>sqlite_master</c>: user tables (in catalog order) with their shapes,
/// and the indexes, views and triggers to recreate from their exact CREATE statements.
/// </summary>
public sealed class DatabaseSchema
{
    private DatabaseSchema(ImmutableArray<SchemaObject> tables, ImmutableArray<SchemaObject> others, ImmutableArray<TableShape> shapes, bool hasSequence)
    {
        Tables = tables;
        Others = others;
        Shapes = shapes;
        HasSqliteSequence = hasSequence;
    }

    /// <summary>CREATE TABLE statements of the user tables, in catalog order.</summary>
    public ImmutableArray<SchemaObject> Tables { get; }

    /// <summary>Indexes, views and triggers with SQL (automatic indexes have none and come with their table).</summary>
    public ImmutableArray<SchemaObject> Others { get; }

    /// <summary>The shape of each user table, same order as <see cref="Tables"/>.</summary>
    public ImmutableArray<TableShape> Shapes { get; }

    /// <summary>True when some table uses AUTOINCREMENT, so <c>sqlite_sequence</c> must be carried over.</summary>
    public bool HasSqliteSequence { get; }

    /// <summary>Reads the schema of the database open on <paramref name="connection"/>.</summary>
    public static DatabaseSchema Read(SqliteConnection connection, string databaseLabel)
    {
        var tables = ImmutableArray.CreateBuilder<SchemaObject>();
        var others = ImmutableArray.CreateBuilder<SchemaObject>();
        var hasSequence = false;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var type = reader.GetString(0);
                var name = reader.GetString(1);
                if (name.Equals("sqlite_sequence", StringComparison.OrdinalIgnoreCase))
                {
                    hasSequence = true;
                    continue;
                }

                // sqlite_stat* and other internal objects are rebuilt by SQLite itself (ANALYZE) and cannot be created.
                if (name.StartsWith("sqlite_", StringComparison.OrdinalIgnoreCase) || reader.IsDBNull(3))
                {
                    continue;
                }

                var sql = reader.GetString(3);
                if (type == "table" && sql.StartsWith("CREATE VIRTUAL", StringComparison.OrdinalIgnoreCase))
                {
                    throw new TablesPipelineException(
                        $"{databaseLabel}: table {SqlIdentifier.Quote(name)} is a virtual table, which cannot be copied. " +
                        "Materialize it into an ordinary table (CREATE TABLE ... AS SELECT) before anonymizing.");
                }

                (type == "table" ? tables : others).Add(new SchemaObject(type, name, reader.GetString(2), sql));
            }
        }

        var shapes = tables.Select(t => ReadTableShape(connection, t.Name)).ToImmutableArray();
        return new DatabaseSchema(tables.ToImmutable(), others.ToImmutable(), shapes, hasSequence);
    }

    /// <summary>Reads the shape of table <paramref name="tableName"/>.</summary>
    public static TableShape ReadTableShape(SqliteConnection connection, string tableName)
    {
        var columns = ImmutableArray.CreateBuilder<ColumnShape>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"PRAGMA table_xinfo({SqlIdentifier.Quote(tableName)})";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var hidden = reader.GetInt32(6);
                columns.Add(new ColumnShape(reader.GetString(1), reader.IsDBNull(2) ? "" : reader.GetString(2), reader.GetInt32(5), hidden is 2 or 3));
            }
        }

        var withoutRowId = IsWithoutRowId(connection, tableName);
        var pkColumns = columns.Where(c => c.PrimaryKeyPosition > 0).OrderBy(c => c.PrimaryKeyPosition).ToList();
        var integerPk = -1;
        if (!withoutRowId && pkColumns.Count == 1 && pkColumns[0].DeclaredType.Equals("INTEGER", StringComparison.OrdinalIgnoreCase))
        {
            integerPk = columns.IndexOf(pkColumns[0]);
        }

        var unique = ImmutableArray.CreateBuilder<ImmutableArray<string>>();
        if (pkColumns.Count > 0 && integerPk < 0)
        {
            unique.Add([.. pkColumns.Select(c => c.Name)]);
        }

        foreach (var index in UniqueIndexes(connection, tableName))
        {
            unique.Add(IndexColumns(connection, index));
        }

        var names = new HashSet<string>(columns.Select(c => c.Name), StringComparer.OrdinalIgnoreCase);
        var rowIdName = new[] { "rowid", "_rowid_", "oid" }.FirstOrDefault(n => !names.Contains(n)) ?? "";
        if (!withoutRowId && rowIdName.Length == 0 && integerPk < 0)
        {
            throw new TablesPipelineException(
                $"Table {SqlIdentifier.Quote(tableName)} has columns named rowid, _rowid_ and oid, so its row order cannot be read. Rename one of them.");
        }

        return new TableShape(tableName, columns.ToImmutable(), !withoutRowId, rowIdName, integerPk, unique.ToImmutable());
    }

    private static bool IsWithoutRowId(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT wr FROM pragma_table_list WHERE schema = 'main' AND name = {Literal(table)}";
        return command.ExecuteScalar() is long wr && wr == 1;
    }

    private static List<string> UniqueIndexes(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM pragma_index_list({Literal(table)}) WHERE \"unique\" = 1 AND origin <> 'pk' AND partial = 0";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static ImmutableArray<string> IndexColumns(SqliteConnection connection, string index)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM pragma_index_info({Literal(index)}) WHERE name IS NOT NULL ORDER BY seqno";
        using var reader = command.ExecuteReader();
        var names = ImmutableArray.CreateBuilder<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names.ToImmutable();
    }

    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
