using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using PiiOrleans.Grains.Interfaces.Jobs;

namespace PiiOrleans.Client.Commands;

/// <summary>
/// <c>piiorleans tables -i INPUT.db -o OUTDIR [-c config.json] [--verify sample|full] [--batch-size N]</c>: anonymizes
/// every table of a SQLite database (embedded silo unless <c>--silo</c>), shows per-table progress with rows/s and
/// prints the report's summary; exits with the job's exit code.
/// </summary>
public static class TablesCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(ClientEnvironment environment)
    {
        var input = new Option<string>("--input", "-i") { Description = "SQLite database to anonymize (never modified).", Required = true };
        var output = new Option<string>("--output", "-o")
        {
            Description = "Output directory: query_results.db and anonymization_report.json are written there.",
            Required = true,
        };
        var config = new Option<string?>("--config", "-c") { Description = "Presidio-style PII configuration (default: built-in defaults)." };
        var verify = new Option<string>("--verify")
        {
            Description = "Privacy re-scan of the output: sample (default) or full.",
            DefaultValueFactory = _ => "sample",
        };
        verify.AcceptOnlyFromAmong("sample", "full");
        var batchSize = new Option<int?>("--batch-size") { Description = "Rows per batch (default: batch_processing.batch_size, 1000)." };
        var command = new Command("tables", "Anonymize every table of a SQLite database into OUTDIR/query_results.db with a report.")
        {
            input, output, config, verify, batchSize,
        };
        command.SetAction((parseResult, cancellationToken) => environment.GuardAsync(
            async () =>
            {
                if (parseResult.GetValue(batchSize) is <= 0)
                {
                    throw new ClientUsageException("--batch-size must be a positive number of rows.");
                }

                // The silo resolves paths itself, possibly from another working directory: send absolute paths.
                var parameters = new Dictionary<string, object?>
                {
                    ["input"] = Path.GetFullPath(parseResult.GetRequiredValue(input)),
                    ["output_dir"] = Path.GetFullPath(parseResult.GetRequiredValue(output)),
                    ["config"] = parseResult.GetValue(config) is { } path ? Path.GetFullPath(path) : null,
                    ["verify"] = parseResult.GetValue(verify),
                    ["batch_size"] = parseResult.GetValue(batchSize),
                };
                var submission = new JobSubmission("tables", JsonSerializer.SerializeToElement(parameters));
                var result = await environment.RunJobAsync(parseResult, submission, null, cancellationToken);
                if (result.Status?.Result is { } document)
                {
                    await WriteSummaryAsync(environment.Output, document);
                }

                return result.ExitCode;
            },
            cancellationToken));
        return command;
    }

    private static async Task WriteSummaryAsync(TextWriter output, JsonElement result)
    {
        if (result.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String)
        {
            await output.WriteLineAsync("Error: " + error.GetString());
        }

        if (!result.TryGetProperty("report", out var report) || report.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var processing = report.GetProperty("processing_stats");
        var anonymization = report.GetProperty("anonymization_stats");
        var lines = new List<string>
        {
            Line($"Tables processed: {processing.GetProperty("processed_tables").GetInt64():N0} of {processing.GetProperty("total_tables").GetInt64():N0}"),
            Line($"Rows processed: {processing.GetProperty("processed_rows").GetInt64():N0} ({processing.GetProperty("rows_per_second").GetDouble():N0} rows/s)"),
            Line($"Rows anonymized: {processing.GetProperty("anonymized_rows").GetInt64():N0}"),
            Line($"Values anonymized: {anonymization.GetProperty("total_values_anonymized").GetInt64():N0} of {anonymization.GetProperty("total_values_processed").GetInt64():N0} ({anonymization.GetProperty("anonymization_rate").GetDouble():N1} %)"),
            Line($"Processing time: {anonymization.GetProperty("processing_time").GetDouble():N2} s"),
        };
        foreach (var entity in anonymization.GetProperty("entities_found").EnumerateObject())
        {
            lines.Add(Line($"  {entity.Name}: {entity.Value.GetInt64():N0}"));
        }

        if (report.TryGetProperty("privacy_check", out var privacy) && privacy.ValueKind == JsonValueKind.Object)
        {
            lines.Add(Line($"Privacy check ({privacy.GetProperty("mode").GetString()}): {(privacy.GetProperty("passed").GetBoolean() ? "passed" : "FAILED")}, {privacy.GetProperty("cells_scanned").GetInt64():N0} cells scanned"));
        }

        foreach (var table in report.GetProperty("tables").EnumerateArray())
        {
            foreach (var column in table.GetProperty("collision_columns").EnumerateArray())
            {
                lines.Add($"Note: {table.GetProperty("name").GetString()}.{column.GetString()} uses consistent pseudonyms so its PRIMARY KEY/UNIQUE values stay distinct (see the report's collision_free_reason).");
            }
        }

        if (result.TryGetProperty("output_database", out var database) && database.ValueKind == JsonValueKind.String)
        {
            lines.Add("Output: " + database.GetString());
        }

        if (result.TryGetProperty("report_path", out var path) && path.ValueKind == JsonValueKind.String)
        {
            lines.Add("Report: " + path.GetString());
        }

        foreach (var line in lines)
        {
            await output.WriteLineAsync(line);
        }
    }

    private static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
