using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using PiiOrleans.Grains.Interfaces.Jobs;
using PiiOrleans.Grains.Interfaces.Tables;
using PiiOrleans.Grains.Jobs;
using PiiOrleans.Grains.Tables;
using PiiOrleans.Tables;

namespace PiiOrleans.Grains.Tables;

/// <summary>
/// Plans and runs one tables job: recreates the schema in a temporary file in the output directory, copies every user
/// table through its <see cref="ITableGrain"/> (tables one after another, so there is one writer; batches of a table in
/// parallel), completes the schema, runs the privacy check, and only then renames the file over
/// <c>query_results.db</c> and writes <c>anonymization_report.json</c>.
/// </summary>
public sealed class TablesJob(IJobContext context, TablesJobParameters parameters, TablesEngineSetup setup, TablesEngineSpec spec)
{
    /// <summary>File name of the anonymized database in the output directory.</summary>
    public const string OutputFileName = "query_results.db";

    /// <summary>File name of the report in the output directory.</summary>
    public const string ReportFileName = "anonymization_report.json";

    private const int SliceMilliseconds = 1000;

    // Commits by row count, never by time: the output's bytes (its header's change counter included) must not depend on
    // the machine's speed. Large enough that commits cost little, small enough to bound the journal.
    private const int RowsPerCommit = 50_000;

    /// <summary>Runs the job; failures come back as a non-zero exit code with a PII-free message.</summary>
    public async Task<TablesJobResult> RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await RunTablesAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // The job's pseudonym mappings exist only for the job: the allocator deletes its store.
            await context.GrainFactory.GetGrain<IPseudonymGrain>(context.JobId).Close().ConfigureAwait(false);
        }
    }

    private async Task<TablesJobResult> RunTablesAsync(CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        var report = context.GrainFactory.GetGrain<IReportGrain>(context.JobId);
        var outputDirectory = Path.GetFullPath(parameters.OutputDirectory);
        var input = Path.GetFullPath(parameters.Input);
        var finalPath = Path.Combine(outputDirectory, OutputFileName);
        var reportPath = Path.Combine(outputDirectory, ReportFileName);
        var tempPath = Path.Combine(outputDirectory, $".{OutputFileName}.{SafeFileName.Of(context.JobId)}.tmp");

        if (!File.Exists(input))
        {
            return Fail(TablesExitCodes.BadParameters, $"Input database {input} does not exist. Give the path of a SQLite file.");
        }

        if (SameFile(input, finalPath))
        {
            return Fail(TablesExitCodes.BadParameters,
                $"The input {input} is the output {finalPath}. Choose another output directory; the input is never overwritten.");
        }

        try
        {
            Directory.CreateDirectory(outputDirectory);
            // An earlier run's output must not survive beside this run's result, or look finished if this run fails.
            RemoveStaleOutputs(outputDirectory);
            ProbeWritable(tempPath, outputDirectory);
            var schema = await PhaseAsync(report, "schema", () => CreateSchema(input, tempPath)).ConfigureAwait(false);

            var tables = Stopwatch.StartNew();
            foreach (var table in schema.Tables)
            {
                await CopyTableAsync(report, table.Name, input, tempPath, cancellationToken).ConfigureAwait(false);
            }

            await report.RecordPhase("tables", tables.Elapsed.TotalSeconds).ConfigureAwait(false);
            await PhaseAsync(report, "schema_completion", () => CompleteSchema(input, tempPath, schema)).ConfigureAwait(false);

            var pseudonymized = (await report.GetStatistics().ConfigureAwait(false)).Tables
                .SelectMany(t => t.CollisionColumns.Concat(t.Columns.Where(c => c.CollisionFree).Select(c => c.Name)).Select(c => $"{t.Table}.{c}"))
                .ToHashSet(StringComparer.Ordinal);
            var privacy = await PhaseAsync(report, "privacy_check",
                () => new PrivacyVerifier(setup.Anonymizer).Verify(tempPath, parameters.VerifyFull, pseudonymized, cancellationToken)).ConfigureAwait(false);
            await report.RecordPrivacyCheck(privacy).ConfigureAwait(false);
            context.ReportProgress("privacy_check", new JobProgress(privacy.CellsScanned, privacy.CellsScanned, "cells",
                $"{privacy.Mode} re-scan {(privacy.Passed ? "passed" : "FAILED")}"));
            if (!privacy.Passed)
            {
                DeleteIfExists(tempPath);
                var leaks = string.Join(", ", privacy.Leaks.Select(l => $"{l.Key} ×{l.Value}"));
                var message = $"Privacy check failed: PII left in clear in {leaks}. Nothing was published; adjust the configuration for these columns.";
                return await FinishAsync(report, total, TablesExitCodes.PrivacyCheckFailed, "privacy_check_failed", message, null, reportPath).ConfigureAwait(false);
            }

            var result = await FinishAsync(report, total, TablesExitCodes.Success, "succeeded", null, tempPath, reportPath).ConfigureAwait(false);
            return result with { OutputDatabase = finalPath };
        }
        catch (TablesPipelineException ex)
        {
            DeleteIfExists(tempPath);
            return Fail(TablesExitCodes.PipelineFailure, ex.Message);
        }
        catch (SqliteException ex)
        {
            DeleteIfExists(tempPath);
            return Fail(TablesExitCodes.PipelineFailure,
                $"SQLite error {ex.SqliteErrorCode} while copying {input} into {outputDirectory}: {ex.Message}");
        }
        catch (IOException ex)
        {
            DeleteIfExists(tempPath);
            return Fail(TablesExitCodes.PipelineFailure, $"I/O error writing to {outputDirectory}: {ex.Message}. Check free space and permissions.");
        }
        catch (UnauthorizedAccessException ex)
        {
            DeleteIfExists(tempPath);
            return Fail(TablesExitCodes.PipelineFailure, $"Access denied in {outputDirectory}: {ex.Message}. Check permissions.");
        }
        catch
        {
            DeleteIfExists(tempPath);
            throw;
        }
    }

    private static TablesJobResult Fail(int exitCode, string message) => new(exitCode, "failed", message, null, null, null);

    private async Task<TablesJobResult> FinishAsync(IReportGrain report, Stopwatch total, int exitCode, string status, string? error,
        string? tempPath, string reportPath)
    {
        var statistics = await report.GetStatistics().ConfigureAwait(false);
        var content = AnonymizationReport.Render(statistics, setup, total.Elapsed.TotalSeconds, exitCode, status, error);
        if (tempPath is not null)
        {
            // The database is renamed only now, after everything succeeded; a crash before leaves the old output intact.
            File.Move(tempPath, Path.Combine(Path.GetDirectoryName(reportPath)!, OutputFileName), overwrite: true);
        }

        AnonymizationReport.WriteAtomically(reportPath, content);
        return new TablesJobResult(exitCode, status, error, null, reportPath, content);
    }

    private static async Task<T> PhaseAsync<T>(IReportGrain report, string phase, Func<T> work)
    {
        var stopwatch = Stopwatch.StartNew();
        var result = work();
        await report.RecordPhase(phase, stopwatch.Elapsed.TotalSeconds).ConfigureAwait(false);
        return result;
    }

    private static DatabaseSchema CreateSchema(string input, string tempPath)
    {
        DatabaseSchema schema;
        try
        {
            using var connection = SqliteConnections.OpenInput(input);
            schema = DatabaseSchema.Read(connection, input);
            InputIntegrity.Check(connection, input);
        }
        catch (SqliteException ex)
        {
            throw new TablesPipelineException($"Input {input} is not a readable SQLite database ({ex.Message}). Give a SQLite 3 file.", ex);
        }

        try
        {
            using var output = SqliteConnections.OpenOutput(tempPath);
            OutputSchemaWriter.CreateTables(output, schema);
        }
        catch (SqliteException ex)
        {
            throw new TablesPipelineException(
                $"Cannot write the output database in {Path.GetDirectoryName(tempPath)} (SQLite error {ex.SqliteErrorCode}). Check that the folder is writable and has free space.", ex);
        }

        return schema;
    }

    private static void RemoveStaleOutputs(string outputDirectory)
    {
        DeleteIfExists(Path.Combine(outputDirectory, OutputFileName));
        DeleteIfExists(Path.Combine(outputDirectory, ReportFileName));
        // Temporary files of killed runs (any job id): never published, only taking space.
        foreach (var orphan in Directory.EnumerateFiles(outputDirectory, $".{OutputFileName}.*.tmp*"))
        {
            File.Delete(orphan);
        }
    }

    // Fails before any work, naming the output (not the input), when the output folder cannot take a new file.
    private static void ProbeWritable(string tempPath, string outputDirectory)
    {
        try
        {
            using (new FileStream(tempPath, FileMode.Create, FileAccess.Write))
            {
            }

            File.Delete(tempPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new TablesPipelineException($"The output directory {outputDirectory} is not writable ({ex.GetType().Name}). Check its permissions and free space, or choose another one.", ex);
        }
    }

    private static bool CompleteSchema(string input, string tempPath, DatabaseSchema schema)
    {
        using var inputConnection = SqliteConnections.OpenInput(input);
        using var output = SqliteConnections.OpenOutput(tempPath);
        OutputSchemaWriter.Complete(output, inputConnection, schema);
        return true;
    }

    private async Task CopyTableAsync(IReportGrain report, string table, string input, string tempPath, CancellationToken cancellationToken)
    {
        var grain = context.GrainFactory.GetGrain<ITableGrain>($"{context.JobId}/{table}");
        var work = new TableWork(context.JobId, table, input, tempPath, parameters.BatchSize ?? setup.BatchSize,
            parameters.MaxInFlightBatches ?? Math.Max(2, Environment.ProcessorCount * 2), SliceMilliseconds, RowsPerCommit, spec);
        try
        {
            var progress = await grain.Open(work).ConfigureAwait(false);
            Publish(progress);
            while (!progress.Done)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress = await grain.ProcessNext().ConfigureAwait(false);
                Publish(progress);
            }

            await report.RecordTable(progress).ConfigureAwait(false);
            context.IncrementCounter("tables");
            foreach (var column in progress.Columns.Where(c => c.CollisionFree))
            {
                context.Warn("collision_free_operator",
                    $"Table {table}, column {column.Name}: uses consistent pseudonyms so its values stay distinct ({column.CollisionFreeReason}).");
            }
        }
        finally
        {
            await grain.Close().ConfigureAwait(false);
        }
    }

    private long _rowsReported;

    private void Publish(TableProgress progress)
    {
        var rate = progress.ElapsedSeconds > 0 ? progress.RowsWritten / progress.ElapsedSeconds : 0;
        context.ReportProgress("table:" + progress.Table,
            new JobProgress(progress.RowsWritten, progress.RowsTotal, "rows", string.Create(CultureInfo.InvariantCulture, $"{rate:F0} rows/s")));
        var delta = progress.RowsWritten - _rowsReported;
        if (delta != 0)
        {
            context.IncrementCounter("rows", delta);
        }

        _rowsReported = progress.Done ? 0 : progress.RowsWritten;
    }

    private static bool SameFile(string a, string b)
    {
        static string Resolve(string path) => File.Exists(path) ? File.ResolveLinkTarget(path, true)?.FullName ?? path : path;
        return string.Equals(Resolve(a), Resolve(b), StringComparison.Ordinal);
    }

    private static void DeleteIfExists(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

}
