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

    /// <summary>
    /// Where job <paramref name="jobId"/> writes its output until it is checked and renamed: a hidden file in the output
    /// directory, so the rename stays on one file system.
    /// </summary>
    public static string TemporaryPath(string outputDirectory, string jobId) =>
        Path.Combine(outputDirectory, $".{OutputFileName}.{SafeFileName.Of(jobId)}.tmp");

    // One transaction per table, never commits by time: the output's bytes (its header's change counter included) must
    // not depend on the machine's speed, and a table lost with its silo is rolled back whole and redone (the journal
    // holds only the few pages that existed before the table; its own pages are new).
    private const int RowsPerTransaction = int.MaxValue;

    /// <summary>Runs the job; failures come back as a non-zero exit code with a PII-free message.</summary>
    public async Task<TablesJobResult> RunAsync(CancellationToken cancellationToken)
    {
        TablesJobResult result;
        try
        {
            result = await RunTablesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (WillResume(e))
        {
            // The job goes on from its checkpoint (here or on another silo): the scratch files it resumes from stay.
            throw;
        }
        catch
        {
            await ForgetAsync().ConfigureAwait(false);
            throw;
        }

        await ForgetAsync().ConfigureAwait(false);
        return result;
    }

    // A lost silo, a superseded attempt or a stopping silo: another attempt picks the job up where it was checkpointed.
    private bool WillResume(Exception e) =>
        e is JobSupersededException || SiloLoss.IsSiloLoss(e) || (e is OperationCanceledException && context.IsStopping);

    // The job's pseudonym mappings and statistics exist only for the job: the allocator deletes its store.
    private async Task ForgetAsync()
    {
        await context.GrainFactory.GetGrain<IPseudonymGrain>(context.JobId).Close().ConfigureAwait(false);
        await context.GrainFactory.GetGrain<IReportGrain>(context.JobId).Reset().ConfigureAwait(false);
    }

    private async Task<TablesJobResult> RunTablesAsync(CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        var report = context.GrainFactory.GetGrain<IReportGrain>(context.JobId);
        var pseudonyms = context.GrainFactory.GetGrain<IPseudonymGrain>(context.JobId);
        var outputDirectory = Path.GetFullPath(parameters.OutputDirectory);
        var input = Path.GetFullPath(parameters.Input);
        var finalPath = Path.Combine(outputDirectory, OutputFileName);
        var reportPath = Path.Combine(outputDirectory, ReportFileName);
        var tempPath = TemporaryPath(outputDirectory, context.JobId);

        if (!File.Exists(input))
        {
            return Fail(TablesExitCodes.BadParameters, $"Input database {input} does not exist. Give the path of a SQLite file.");
        }

        if (SameFile(input, finalPath))
        {
            return Fail(TablesExitCodes.BadParameters,
                $"The input {input} is the output {finalPath}. Choose another output directory; the input is never overwritten.");
        }

        var checkpoint = TablesCheckpoint.From(context.Checkpoint);
        if (checkpoint.Phase == TablesCheckpoint.Publishing)
        {
            // Everything was done and checked; only the rename (if it did not happen) and the report remain.
            context.Warn("job_resumed", "The job resumes at its final step: publishing the checked output.");
            return await PublishAsync(report, total, tempPath, reportPath, finalPath).ConfigureAwait(false);
        }

        var resuming = checkpoint.Phase is TablesCheckpoint.Tables or TablesCheckpoint.SchemaCompleted && File.Exists(tempPath);
        try
        {
            DatabaseSchema schema;
            if (resuming)
            {
                schema = ReadSchema(input);
                var finished = (await report.GetStatistics().ConfigureAwait(false)).Tables.Length;
                context.Warn("job_resumed", $"The job resumes from its checkpoint: {finished} of {schema.Tables.Length} tables were finished and are not redone.");
            }
            else
            {
                // Fenced first: a superseded attempt (a duplicate activation's runner) is refused here, before it deletes
                // or resets anything of the attempt that owns the job.
                await context.SaveCheckpointAsync(TablesCheckpoint.Of(TablesCheckpoint.Starting)).ConfigureAwait(false);
                // From scratch: nothing recorded by an earlier attempt may leak into this one.
                await ForgetAsync().ConfigureAwait(false);
                Directory.CreateDirectory(outputDirectory);
                // An earlier run's output must not survive beside this run's result, or look finished if this run fails.
                RemoveStaleOutputs(outputDirectory);
                ProbeWritable(tempPath, outputDirectory);
                schema = await PhaseAsync(report, "schema", () => CreateSchema(input, tempPath)).ConfigureAwait(false);
                await context.SaveCheckpointAsync(TablesCheckpoint.Of(TablesCheckpoint.Tables)).ConfigureAwait(false);
            }

            if (checkpoint.Phase != TablesCheckpoint.SchemaCompleted || !resuming)
            {
                var tables = Stopwatch.StartNew();
                var done = (await report.GetStatistics().ConfigureAwait(false)).Tables
                    .Select(t => t.Table).ToHashSet(StringComparer.Ordinal);
                foreach (var table in schema.Tables)
                {
                    if (done.Contains(table.Name))
                    {
                        continue;
                    }

                    await CopyTableAsync(report, pseudonyms, table.Name, input, tempPath, cancellationToken).ConfigureAwait(false);
                }

                await report.RecordPhase("tables", tables.Elapsed.TotalSeconds).ConfigureAwait(false);
                await PhaseAsync(report, "schema_completion", () => CompleteSchema(input, tempPath, schema)).ConfigureAwait(false);
                await context.SaveCheckpointAsync(TablesCheckpoint.Of(TablesCheckpoint.SchemaCompleted)).ConfigureAwait(false);
            }

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
                await DiscardAsync(tempPath).ConfigureAwait(false);
                var leaks = string.Join(", ", privacy.Leaks.Select(l => $"{l.Key} ×{l.Value}"));
                var message = $"Privacy check failed: PII left in clear in {leaks}. Nothing was published; adjust the configuration for these columns.";
                return await FinishAsync(report, total, TablesExitCodes.PrivacyCheckFailed, "privacy_check_failed", message, null, reportPath).ConfigureAwait(false);
            }

            // Fenced: an attempt that another one superseded is refused here and publishes nothing.
            await context.SaveCheckpointAsync(TablesCheckpoint.Of(TablesCheckpoint.Publishing)).ConfigureAwait(false);
            return await PublishAsync(report, total, tempPath, reportPath, finalPath).ConfigureAwait(false);
        }
        catch (Exception e) when (WillResume(e))
        {
            throw;
        }
        catch (TablesPipelineException ex)
        {
            await DiscardAsync(tempPath).ConfigureAwait(false);
            return Fail(TablesExitCodes.PipelineFailure, ex.Message);
        }
        catch (SqliteException ex)
        {
            await DiscardAsync(tempPath).ConfigureAwait(false);
            return Fail(TablesExitCodes.PipelineFailure,
                $"SQLite error {ex.SqliteErrorCode} while copying {input} into {outputDirectory}: {ex.Message}");
        }
        catch (IOException ex)
        {
            await DiscardAsync(tempPath).ConfigureAwait(false);
            return Fail(TablesExitCodes.PipelineFailure, $"I/O error writing to {outputDirectory}: {ex.Message}. Check free space and permissions.");
        }
        catch (UnauthorizedAccessException ex)
        {
            await DiscardAsync(tempPath).ConfigureAwait(false);
            return Fail(TablesExitCodes.PipelineFailure, $"Access denied in {outputDirectory}: {ex.Message}. Check permissions.");
        }
        catch
        {
            await DiscardAsync(tempPath).ConfigureAwait(false);
            throw;
        }
    }

    // Fenced: only the attempt that owns the job removes the scratch output. A superseded one, whose failure may come from
    // the owner's work on the same files, is refused here (JobSupersededException) and leaves them, and the job, alone.
    private async Task DiscardAsync(string tempPath)
    {
        await context.SaveCheckpointAsync(TablesCheckpoint.Of(TablesCheckpoint.Discarding)).ConfigureAwait(false);
        DeleteIfExists(tempPath);
    }

    // The rename happens once: a resumed attempt finds either the temporary file (not renamed yet) or the published one.
    private async Task<TablesJobResult> PublishAsync(IReportGrain report, Stopwatch total, string tempPath, string reportPath, string finalPath)
    {
        if (!File.Exists(tempPath) && File.Exists(finalPath) && File.Exists(reportPath))
        {
            // An earlier attempt renamed the output and wrote its report, then was lost before the job's end was recorded.
            // Its report stays: the statistics it was made from may be reset by now.
            return new TablesJobResult(TablesExitCodes.Success, "succeeded", null, finalPath, reportPath, await File.ReadAllBytesAsync(reportPath).ConfigureAwait(false));
        }

        var result = await FinishAsync(report, total, TablesExitCodes.Success, "succeeded", null, File.Exists(tempPath) ? tempPath : null, reportPath)
            .ConfigureAwait(false);
        if (!File.Exists(finalPath))
        {
            return Fail(TablesExitCodes.PipelineFailure,
                $"The job resumed at its final step but neither the checked output nor {finalPath} exists; run the job again.");
        }

        return result with { OutputDatabase = finalPath };
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

    private static DatabaseSchema ReadSchema(string input)
    {
        try
        {
            using var connection = SqliteConnections.OpenInput(input);
            return DatabaseSchema.Read(connection, input);
        }
        catch (SqliteException ex)
        {
            throw new TablesPipelineException($"Input {input} is not a readable SQLite database ({ex.Message}). Give a SQLite 3 file.", ex);
        }
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

    private async Task CopyTableAsync(IReportGrain report, IPseudonymGrain pseudonyms, string table, string input, string tempPath,
        CancellationToken cancellationToken)
    {
        var grain = context.GrainFactory.GetGrain<ITableGrain>($"{context.JobId}/{table}");
        if (context.Attempt > 1)
        {
            // The table grain of the lost attempt may live on (its silo survived): its open transaction holds the
            // output's write lock until it is closed (and rolled back).
            await CloseAsync(grain).ConfigureAwait(false);
        }

        // A table is written in one transaction: after a lost silo it is either empty (rolled back) or complete. A
        // complete one whose completion was not recorded is analysed again without writing, for its statistics and so
        // that the pseudonyms it allocated are allocated again, in the same order.
        var write = context.Attempt == 1 || IsEmpty(tempPath, table);
        var work = new TableWork(context.JobId, table, input, tempPath, parameters.BatchSize ?? setup.BatchSize,
            parameters.MaxInFlightBatches ?? Math.Max(2, Environment.ProcessorCount * 2), SliceMilliseconds, RowsPerTransaction, spec, write);
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

            // Allocations first, then the record: a recorded table always has its pseudonyms durable.
            await pseudonyms.Checkpoint().ConfigureAwait(false);
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
            _rowsReported = 0;
            await CloseAsync(grain).ConfigureAwait(false);
        }
    }

    private static async Task CloseAsync(ITableGrain grain)
    {
        try
        {
            await grain.Close().ConfigureAwait(false);
        }
        catch (Exception e) when (SiloLoss.IsSiloLoss(e))
        {
            // Its silo is gone, and its connections with it.
        }
    }

    private static bool IsEmpty(string tempPath, string table)
    {
        // Opening the file rolls back what a killed writer left uncommitted (the hot journal).
        using var output = SqliteConnections.OpenOutput(tempPath);
        using var command = output.CreateCommand();
        command.CommandText = $"SELECT NOT EXISTS (SELECT 1 FROM {SqlIdentifier.Quote(table)})";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) == 1;
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
