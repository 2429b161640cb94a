using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using PiiOrleans.Tables;

namespace PiiOrleans.Tables;

/// <summary>
/// Re-scans the text of the written output with the validated recognizers: every row (<c>full</c>) or an evenly spread
/// sample of about <see cref="SampleRowsPerTable"/> rows per table (<c>sample</c>). Names are checked too, with the
/// job's own analyzer (its NER model when it has one), in an evenly spread sample of at most
/// <see cref="NameCellsPerColumn"/> text cells per column in either mode: the model costs far more per cell than the
/// validated recognizers. Reports counts per table.column and entity, never values.
/// </summary>
public sealed class PrivacyVerifier(ITableCellAnonymizer engine)
{
    /// <summary>Rows scanned per table in sample mode.</summary>
    public const int SampleRowsPerTable = 2000;

    /// <summary>Text cells per column checked for names (with letters and a space or at least 3 characters).</summary>
    public const int NameCellsPerColumn = 200;

    /// <summary>Scans the output database at <paramref name="outputPath"/>.</summary>
    /// <remarks>Columns in <paramref name="pseudonymized"/> ("table.column") hold surrogates by construction and are skipped.</remarks>
    public PrivacyCheckResult Verify(string outputPath, bool full, IReadOnlySet<string>? pseudonymized = null, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var leaks = new SortedDictionary<string, long>(StringComparer.Ordinal);
        long scanned = 0;
        using var connection = SqliteConnections.OpenInput(outputPath);
        var schema = DatabaseSchema.Read(connection, "output database");
        var found = new List<string>();
        foreach (var shape in schema.Shapes)
        {
            var columns = shape.Columns.Where(c => !c.IsGenerated && pseudonymized?.Contains($"{shape.Name}.{c.Name}") != true).ToList();
            if (columns.Count == 0)
            {
                continue;
            }

            long rows;
            using (var count = connection.CreateCommand())
            {
                count.CommandText = $"SELECT count(*) FROM {SqlIdentifier.Quote(shape.Name)}";
                rows = (long)count.ExecuteScalar()!;
            }

            var stride = full ? 1 : Math.Max(1, rows / SampleRowsPerTable);
            var nameStride = Math.Max(1, (rows / stride) / NameCellsPerColumn);
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {string.Join(", ", columns.Select(c => SqlIdentifier.Quote(c.Name)))} FROM {SqlIdentifier.Quote(shape.Name)}";
            using var reader = command.ExecuteReader();
            long index = 0;
            long sampled = 0;
            while (reader.Read())
            {
                if (index++ % stride != 0)
                {
                    continue;
                }

                var checkNames = sampled++ % nameStride == 0;
                cancellationToken.ThrowIfCancellationRequested();
                for (var c = 0; c < columns.Count; c++)
                {
                    if (reader.GetValue(c) is not string text || text.Length < 2)
                    {
                        continue;
                    }

                    scanned++;
                    found.Clear();
                    engine.FindLeaks(text, columns[c].Name, found);
                    if (checkNames && text.Length >= 3 && text.Any(char.IsLetter))
                    {
                        engine.FindNameLeaks(text, columns[c].Name, found);
                    }

                    foreach (var entity in found)
                    {
                        var key = $"{shape.Name}.{columns[c].Name}: {entity}";
                        leaks[key] = leaks.GetValueOrDefault(key) + 1;
                    }
                }
            }
        }

        return new PrivacyCheckResult(full ? "full" : "sample", scanned, leaks.ToImmutableDictionary(StringComparer.Ordinal),
            stopwatch.Elapsed.TotalSeconds);
    }
}
