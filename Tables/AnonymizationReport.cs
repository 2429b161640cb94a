using System.Text.Json;
using PiiOrleans.Tables;

namespace PiiOrleans.Tables;

/// <summary>
/// Renders <c>anonymization_report.json</c>: the old job's sections (pipeline_config, processing_stats,
/// anonymization_stats, presidio_config, same keys and arithmetic) plus per-table column decisions and counts, phase
/// timings, the privacy check and the outcome. Table and column names only; never a value.
/// </summary>
public static class AnonymizationReport
{
    /// <summary>Renders the report as indented UTF-8 JSON.</summary>
    public static byte[] Render(TablesJobStatistics statistics, TablesEngineSetup setup, double processingSeconds, int exitCode, string status, string? error)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            Write(json, statistics, setup, processingSeconds, exitCode, status, error);
        }

        return buffer.ToArray();
    }

    /// <summary>Writes the report atomically: a temporary file in the same directory renamed over <paramref name="path"/>.</summary>
    public static void WriteAtomically(string path, byte[] content)
    {
        var temp = path + ".tmp";
        File.WriteAllBytes(temp, content);
        File.Move(temp, path, overwrite: true);
    }

    private static void Write(Utf8JsonWriter json, TablesJobStatistics statistics, TablesEngineSetup setup, double processingSeconds,
        int exitCode, string status, string? error)
    {
        var tables = statistics.Tables;
        var totals = tables.Aggregate(BatchStatistics.Empty(0), (sum, t) => sum.Add(t.Statistics));
        var tablePhase = statistics.Phases.Where(p => p.Key == "tables").Sum(p => p.Value);
        var totalRows = tables.Sum(t => t.RowsTotal);
        var processedRows = tables.Sum(t => t.RowsWritten);

        json.WriteStartObject();
        json.WriteStartObject("pipeline_config");
        json.WriteBoolean("enabled", setup.Enabled);
        json.WriteNumber("batch_size", setup.BatchSize);
        json.WriteBoolean("parallel_processing", setup.ParallelProcessing);
        json.WriteNumber("num_workers", setup.NumWorkers);
        json.WriteEndObject();

        json.WriteStartObject("processing_stats");
        json.WriteNumber("total_tables", tables.Length);
        json.WriteNumber("processed_tables", tables.Count(t => t.Done));
        json.WriteNumber("total_rows", totalRows);
        json.WriteNumber("processed_rows", processedRows);
        json.WriteNumber("anonymized_rows", totals.RowsAnonymized);
        json.WriteNumber("elapsed_time", Math.Round(tablePhase, 4));
        json.WriteNumber("rows_per_second", tablePhase > 0 ? Math.Round(processedRows / tablePhase, 2) : 0);
        json.WriteNumber("progress_percent", totalRows > 0 ? Math.Round(processedRows * 100.0 / totalRows, 2) : 0);
        json.WriteEndObject();

        json.WriteStartObject("anonymization_stats");
        json.WriteNumber("total_values_processed", totals.ValuesProcessed);
        json.WriteNumber("total_values_anonymized", totals.ValuesAnonymized);
        json.WriteNumber("anonymization_rate", totals.ValuesProcessed > 0 ? Math.Round(totals.ValuesAnonymized * 100.0 / totals.ValuesProcessed, 2) : 0);
        json.WriteStartObject("entities_found");
        foreach (var (entity, count) in totals.EntitiesFound.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            json.WriteNumber(entity, count);
        }

        json.WriteEndObject();
        json.WriteStartObject("tables_processed");
        foreach (var table in tables)
        {
            json.WriteNumber(table.Table, table.RowsWritten);
        }

        json.WriteEndObject();
        json.WriteNumber("processing_time", Math.Round(processingSeconds, 4));
        json.WriteEndObject();

        json.WriteStartObject("presidio_config");
        json.WriteStartArray("enabled_entities");
        foreach (var entity in setup.EnabledEntities)
        {
            json.WriteStringValue(entity);
        }

        json.WriteEndArray();
        json.WriteString("nlp_model", setup.NlpModel);
        json.WriteStartArray("supported_languages");
        foreach (var language in setup.SupportedLanguages)
        {
            json.WriteStringValue(language);
        }

        json.WriteEndArray();
        json.WriteEndObject();

        json.WriteStartArray("tables");
        foreach (var table in tables)
        {
            WriteTable(json, table);
        }

        json.WriteEndArray();

        json.WriteStartObject("phase_timings");
        foreach (var (phase, seconds) in statistics.Phases)
        {
            json.WriteNumber(phase, Math.Round(seconds, 4));
        }

        json.WriteEndObject();

        if (statistics.PrivacyCheck is { } privacy)
        {
            json.WriteStartObject("privacy_check");
            json.WriteString("mode", privacy.Mode);
            json.WriteBoolean("passed", privacy.Passed);
            json.WriteNumber("cells_scanned", privacy.CellsScanned);
            json.WriteStartObject("leaks");
            foreach (var (where, count) in privacy.Leaks.OrderBy(l => l.Key, StringComparer.Ordinal))
            {
                json.WriteNumber(where, count);
            }

            json.WriteEndObject();
            json.WriteNumber("elapsed_seconds", Math.Round(privacy.ElapsedSeconds, 4));
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("privacy_check");
        }

        json.WriteStartObject("outcome");
        json.WriteString("status", status);
        json.WriteNumber("exit_code", exitCode);
        if (error is not null)
        {
            json.WriteString("error", error);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteTable(Utf8JsonWriter json, TableProgress table)
    {
        json.WriteStartObject();
        json.WriteString("name", table.Table);
        json.WriteNumber("rows", table.RowsTotal);
        json.WriteNumber("rows_written", table.RowsWritten);
        json.WriteNumber("rows_anonymized", table.Statistics.RowsAnonymized);
        json.WriteNumber("values_processed", table.Statistics.ValuesProcessed);
        json.WriteNumber("values_anonymized", table.Statistics.ValuesAnonymized);
        json.WriteNumber("elapsed_seconds", Math.Round(table.ElapsedSeconds, 4));
        json.WriteNumber("rows_per_second", table.ElapsedSeconds > 0 ? Math.Round(table.RowsWritten / table.ElapsedSeconds, 2) : 0);
        if (table.BatchesPerSilo is { } perSilo)
        {
            json.WriteStartObject("batches_per_silo");
            foreach (var (silo, count) in perSilo)
            {
                json.WriteNumber(silo, count);
            }

            json.WriteEndObject();
        }

        json.WriteStartArray("collision_columns");
        foreach (var column in table.CollisionColumns)
        {
            json.WriteStringValue(column);
        }

        json.WriteEndArray();
        json.WriteStartArray("columns");
        foreach (var column in table.Columns)
        {
            json.WriteStartObject();
            json.WriteString("name", column.Name);
            json.WriteString("declared_type", column.DeclaredType);
            json.WriteString("treatment", column.Treatment switch
            {
                ColumnTreatment.WholeCell => "whole_cell",
                ColumnTreatment.FreeText => "free_text",
                _ => "pass_through",
            });
            if (column.EntityType is null)
            {
                json.WriteNull("entity_type");
            }
            else
            {
                json.WriteString("entity_type", column.EntityType);
            }

            json.WriteNumber("confidence", Math.Round(column.Confidence, 3));
            json.WriteBoolean("collision_free", column.CollisionFree);
            if (column.CollisionFreeReason is not null)
            {
                json.WriteString("collision_free_reason", column.CollisionFreeReason);
            }
            json.WriteNumber("values_anonymized",
                column.Ordinal < table.Statistics.AnonymizedPerColumn.Length ? table.Statistics.AnonymizedPerColumn[column.Ordinal] : 0);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
