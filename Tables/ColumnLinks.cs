using System.Collections.Immutable;
using Microsoft.Data.Sqlite;

namespace PiiOrleans.Tables;

/// <summary>
/// The linked columns of one input database (<see cref="ColumnLinkGroup"/>), read once on first use: declared
/// FOREIGN KEYs (a missing parent column list means the parent's PRIMARY KEY), and undeclared links — a column with the
/// same name as another table's single-column PRIMARY KEY/UNIQUE column whose sampled values all occur there. Links
/// to an INTEGER PRIMARY KEY (a row id, always copied unchanged) are left out: those keys stay as they are anyway.
/// Also samples a column the way the table copy does, so every silo plans a group from the same values.
/// </summary>
public sealed class ColumnLinks
{
    /// <summary>Rows read to sample a column, and values kept of them (the table copy's profile sample).</summary>
    public const int SampleRows = 1000;

    /// <inheritdoc cref="SampleRows"/>
    public const int SampleValues = 100;

    // Distinct values of a same-named column checked against the unique column before the two are linked.
    private const int InferenceValues = 1000;

    private const int ConstraintError = 19;

    private readonly string _inputPath;
    private readonly Lazy<(Dictionary<TableColumn, ColumnLinkGroup> Groups, HashSet<TableColumn> Composite)> _read;

    /// <summary>Links of the SQLite database at <paramref name="inputPath"/> (none when it does not exist).</summary>
    public ColumnLinks(string inputPath)
    {
        _inputPath = inputPath;
        _read = new(Read, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The group of <paramref name="column"/>, or null when it is linked to no other column.</summary>
    public ColumnLinkGroup? Find(TableColumn column) => _read.Value.Groups.GetValueOrDefault(column);

    /// <summary>
    /// True when some member of <paramref name="group"/> is part of a multi-column PRIMARY KEY/UNIQUE constraint, where
    /// the table copy may switch it to pseudonyms because of the other columns' outputs.
    /// </summary>
    public bool InCompositeKey(ColumnLinkGroup group) => group.Members.Any(_read.Value.Composite.Contains);

    /// <summary>
    /// True when <paramref name="operate"/> maps two distinct values of the group's columns (all tables together) to
    /// the same output: the table copy would then give a constrained member pseudonyms and the others not. The outputs
    /// go into a scratch table with a UNIQUE constraint in a temporary database (deleted on close), which stops at the
    /// first duplicate.
    /// </summary>
    public bool OutputsCollide(ColumnLinkGroup group, Func<string, string> operate)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(operate);
        using var probe = new SqliteConnection("Data Source=;Pooling=False");
        probe.Open();
        using (var create = probe.CreateCommand())
        {
            create.CommandText = "PRAGMA cache_size=-8192; PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; CREATE TABLE probe (output UNIQUE)";
            create.ExecuteNonQuery();
        }

        using var transaction = probe.BeginTransaction();
        using var insert = probe.CreateCommand();
        insert.CommandText = "INSERT INTO probe VALUES ($output)";
        var parameter = insert.Parameters.Add(new SqliteParameter("$output", null));
        using var input = SqliteConnections.OpenInput(_inputPath);
        using var select = input.CreateCommand();
        // UNION removes the values the tables share: each distinct original is operated on once.
        select.CommandText = string.Join(" UNION ", group.Members.Select(m =>
            $"SELECT CAST({SqlIdentifier.Quote(m.Column)} AS TEXT) FROM {SqlIdentifier.Quote(m.Table)} WHERE {SqlIdentifier.Quote(m.Column)} IS NOT NULL"));
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            var text = reader.GetString(0);
            parameter.Value = string.IsNullOrWhiteSpace(text) ? text : operate(text);
            try
            {
                insert.ExecuteNonQuery();
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode == ConstraintError)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Up to <see cref="SampleValues"/> non-empty text values of the first <see cref="SampleRows"/> rows.</summary>
    public IReadOnlyList<string> Sample(TableColumn column)
    {
        using var connection = SqliteConnections.OpenInput(_inputPath);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {SqlIdentifier.Quote(column.Column)} FROM {SqlIdentifier.Quote(column.Table)} LIMIT {SampleRows}";
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read() && values.Count < SampleValues)
        {
            if (reader.GetValue(0) is string text && text.Length > 0)
            {
                values.Add(text);
            }
        }

        return values;
    }

    private (Dictionary<TableColumn, ColumnLinkGroup>, HashSet<TableColumn>) Read()
    {
        if (!File.Exists(_inputPath))
        {
            return ([], []);
        }

        using var connection = SqliteConnections.OpenInput(_inputPath);
        var schema = DatabaseSchema.Read(connection, _inputPath);
        var edges = new List<(TableColumn Child, TableColumn Parent, bool Declared)>();
        foreach (var shape in schema.Shapes)
        {
            edges.AddRange(DeclaredForeignKeys(connection, shape, schema).Select(e => (e.Child, e.Parent, true)));
        }

        foreach (var (child, parent) in InferredLinks(connection, schema))
        {
            if (!edges.Any(e => e.Child.Equals(child) && e.Parent.Equals(parent)))
            {
                edges.Add((child, parent, false));
            }
        }

        var composite = schema.Shapes
            .SelectMany(s => s.UniqueColumnSets.Where(set => set.Length > 1).SelectMany(set => set.Select(c => new TableColumn(s.Name, c))))
            .ToHashSet();
        return (Group(edges, RowIdAliases(schema)), composite);
    }

    private static IEnumerable<(TableColumn Child, TableColumn Parent)> DeclaredForeignKeys(SqliteConnection connection, TableShape shape, DatabaseSchema schema)
    {
        var keys = new List<(long Id, string Parent, string From, string? To)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT id, \"table\", \"from\", \"to\" FROM pragma_foreign_key_list({Literal(shape.Name)}) ORDER BY id, seq";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                keys.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
            }
        }

        foreach (var key in keys.GroupBy(k => k.Id))
        {
            var parts = key.ToList();
            var parentShape = schema.Shapes.FirstOrDefault(s => s.Name.Equals(parts[0].Parent, StringComparison.OrdinalIgnoreCase));
            if (parentShape is null)
            {
                continue; // A dangling declaration: foreign_key_check fails on the input already.
            }

            // REFERENCES parent without a column list means the parent's PRIMARY KEY, in key order.
            var primaryKey = parentShape.Columns.Where(c => c.PrimaryKeyPosition > 0).OrderBy(c => c.PrimaryKeyPosition).Select(c => c.Name).ToList();
            for (var i = 0; i < parts.Count; i++)
            {
                var to = parts[i].To ?? (i < primaryKey.Count ? primaryKey[i] : null);
                if (to is not null)
                {
                    yield return (new TableColumn(shape.Name, parts[i].From), new TableColumn(parentShape.Name, to));
                }
            }
        }
    }

    // A same-named column in another table whose sampled distinct values all occur in a single-column unique column.
    private static IEnumerable<(TableColumn Child, TableColumn Parent)> InferredLinks(SqliteConnection connection, DatabaseSchema schema)
    {
        var parents = schema.Shapes
            .SelectMany(s => s.UniqueColumnSets.Where(set => set.Length == 1).Select(set => new TableColumn(s.Name, set[0])))
            .Distinct()
            .ToList();
        foreach (var parent in parents)
        {
            foreach (var shape in schema.Shapes.Where(s => !s.Name.Equals(parent.Table, StringComparison.OrdinalIgnoreCase)))
            {
                var column = shape.Columns.FirstOrDefault(c => !c.IsGenerated && c.Name.Equals(parent.Column, StringComparison.OrdinalIgnoreCase));
                if (column is not null && ValuesOccurIn(connection, new TableColumn(shape.Name, column.Name), parent))
                {
                    yield return (new TableColumn(shape.Name, column.Name), parent);
                }
            }
        }
    }

    private static bool ValuesOccurIn(SqliteConnection connection, TableColumn child, TableColumn parent)
    {
        using var command = connection.CreateCommand();
        var childColumn = SqlIdentifier.Quote(child.Column);
        var parentColumn = SqlIdentifier.Quote(parent.Column);
        command.CommandText =
            $"SELECT count(*), coalesce(sum(v NOT IN (SELECT {parentColumn} FROM {SqlIdentifier.Quote(parent.Table)} WHERE {parentColumn} IS NOT NULL)), 0) " +
            $"FROM (SELECT DISTINCT {childColumn} AS v FROM {SqlIdentifier.Quote(child.Table)} WHERE {childColumn} IS NOT NULL LIMIT {InferenceValues})";
        using var reader = command.ExecuteReader();
        return reader.Read() && reader.GetInt64(0) > 0 && reader.GetInt64(1) == 0;
    }

    private static HashSet<TableColumn> RowIdAliases(DatabaseSchema schema) =>
    [
        .. schema.Shapes.Where(s => s.IntegerPrimaryKeyOrdinal >= 0).Select(s => new TableColumn(s.Name, s.Columns[s.IntegerPrimaryKeyOrdinal].Name)),
    ];

    // Union of the links into groups; a group that touches a row id stays out (row ids are copied unchanged, and so
    // must be the values pointing at them).
    private static Dictionary<TableColumn, ColumnLinkGroup> Group(List<(TableColumn Child, TableColumn Parent, bool Declared)> edges, HashSet<TableColumn> rowIds)
    {
        var root = new Dictionary<TableColumn, TableColumn>();
        TableColumn Find(TableColumn c)
        {
            while (root.TryGetValue(c, out var up) && !up.Equals(c))
            {
                c = up;
            }

            return c;
        }

        foreach (var (child, parent, _) in edges)
        {
            root.TryAdd(child, child);
            root.TryAdd(parent, parent);
            var (a, b) = (Find(child), Find(parent));
            if (!a.Equals(b))
            {
                root[a] = b;
            }
        }

        var groups = new Dictionary<TableColumn, ColumnLinkGroup>();
        foreach (var members in root.Keys.GroupBy(Find))
        {
            if (members.Any(rowIds.Contains))
            {
                continue;
            }

            var inGroup = edges.Where(e => members.Contains(e.Child)).ToList();
            // The column the others point at: a parent that points nowhere itself (else, in a cycle, the first parent).
            var referenced = inGroup.Select(e => e.Parent).Where(p => !inGroup.Any(e => e.Child.Equals(p))).DefaultIfEmpty(inGroup[0].Parent).First();
            var description = string.Join("; ", inGroup.Select(e => $"{e.Child} {(e.Declared ? "REFERENCES" : "holds values of")} {e.Parent}"));
            var group = new ColumnLinkGroup([.. members], referenced, description);
            foreach (var member in members)
            {
                groups[member] = group;
            }
        }

        return groups;
    }

    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
