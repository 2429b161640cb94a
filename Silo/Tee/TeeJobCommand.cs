using System.Collections;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Hosting;
using PiiOrleans.Grains.Interfaces.Jobs;
using PiiOrleans.Grains.Jobs;
using PiiOrleans.Grains.Tables;
using PiiOrleans.Silo.Hosting;
using PiiOrleans.Tables;

namespace PiiOrleans.Silo.Tee;

/// <summary>
/// <c>PiiOrleans.Silo tee</c>: the container contract of the old compute job. Reads the environment, fetches the
/// query results from the Query Engine in production mode, runs one tables job in an in-process silo, and exits with
/// <see cref="TablesExitCodes"/> (0 success, 1 bad parameters, 2 Query Engine failure, 3 pipeline failure,
/// 6 privacy check failed).
/// </summary>
public static class TeeJobCommand
{
    // How long a cancelled job gets to delete its scratch files (the wait polls every 5 s at most, within Docker's 10 s).
    private static readonly TimeSpan CancelGrace = TimeSpan.FromSeconds(4);

    /// <summary>Runs with the process environment and console.</summary>
    public static Task<int> RunAsync(string[] args)
    {
        _ = args;
        var variables = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value, StringComparer.Ordinal);
        var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        // A container is stopped with SIGTERM (docker stop, Kubernetes): the job is cancelled as with Ctrl+C, so the
        // process exits with code 4 within the stop grace period, nothing published, instead of running on until SIGKILL.
        var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            cancel.Cancel();
        });
        return RunAndReleaseAsync();

        async Task<int> RunAndReleaseAsync()
        {
            using (cancel)
            using (terminate)
            {
                return await RunAsync(variables, Console.Out, configureServices: null, http: null, cancel.Token).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Runs with the given environment, writing JSON log lines to <paramref name="output"/>. Tests pass their own
    /// services (e.g. an engine factory) and HTTP client.
    /// </summary>
    public static async Task<int> RunAsync(IReadOnlyDictionary<string, string?> variables, TextWriter output,
        Action<IServiceCollection>? configureServices, HttpClient? http, CancellationToken cancellationToken)
    {
        var log = new TeeLog(output);
        TeeEnvironment environment;
        try
        {
            environment = TeeEnvironment.Parse(variables);
        }
        catch (TeeParameterException ex)
        {
            log.Error("parameters", ex.Message, new { exit_code = ex.ExitCode });
            return ex.ExitCode;
        }

        log.Info("start", environment.DevMode ? "Running in DEVELOPMENT MODE - using local database file" : "Running in PRODUCTION MODE",
            new { input = environment.InputDatabase, output = environment.OutputDirectory, config = environment.ConfigPath ?? "(built-in defaults)" });

        try
        {
            if (environment.Query is { } query)
            {
                var code = await FetchQueryResultsAsync(environment, query, http, log, cancellationToken).ConfigureAwait(false);
                if (code != TablesExitCodes.Success)
                {
                    return code;
                }
            }

            return await RunJobAsync(environment, configureServices, log, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            log.Error("cancelled", "The job was stopped before it finished (SIGTERM or Ctrl+C). Nothing was published.",
                new { exit_code = TablesExitCodes.Cancelled });
            return TablesExitCodes.Cancelled;
        }
    }

    private static async Task<int> FetchQueryResultsAsync(TeeEnvironment environment, QueryRequest query, HttpClient? http, TeeLog log,
        CancellationToken cancellationToken)
    {
        // The query text is not logged: it may name people or values (the old job printed it).
        log.Info("query", "Executing query", new { compute_job_id = query.ComputeJobId, refiner_id = query.RefinerId, engine = environment.QueryEngineUrl.ToString() });
        var ownClient = http is null;
        http ??= new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        try
        {
            var client = new QueryEngineClient(http, environment.QueryEngineUrl, environment.QueryEngine);
            var downloaded = await client.ExecuteAsync(query, environment.InputDatabase, cancellationToken).ConfigureAwait(false);
            log.Info("query", downloaded ? "Query executed successfully" : "Query succeeded without a results URL; processing the existing input file");
            return TablesExitCodes.Success;
        }
        catch (QueryEngineException ex)
        {
            log.Error("query", "Error executing query: " + ex.Message, new { exit_code = TablesExitCodes.QueryEngineFailure });
            return TablesExitCodes.QueryEngineFailure;
        }
        finally
        {
            if (ownClient)
            {
                http.Dispose();
            }
        }
    }

    private static async Task<int> RunJobAsync(TeeEnvironment environment, Action<IServiceCollection>? configureServices, TeeLog log,
        CancellationToken cancellationToken)
    {
        // One silo in this process, no HTTP: the job runs through the same job, table, batch and pseudonym grains as a
        // job submitted to a served silo or by the client.
        var builder = LocalSiloBuilder.Create();
        // The container's environment is the only caller and names the paths: the job may use them.
        builder.Services.AddSingleton(PiiOrleans.Grains.Security.JobDataRoots.Unrestricted);
        builder.Services.AddTablesPipeline();
        configureServices?.Invoke(builder.Services);
        using var host = builder.Build();
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var jobId = "tee-" + DateTimeOffset.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
            // One silo: a batch per core in flight keeps the cores busy; the pool default (twice the cores, so batches
            // reach other silos) would only hold more rows in memory here. 100k rows, NER on: 4 in flight 311–319 MB,
            // 2 in flight 300–304 MB, at the same speed.
            var parameters = new TablesJobParameters(environment.InputDatabase, environment.OutputDirectory, environment.ConfigPath,
                environment.VerifyFull, null, Math.Max(2, Environment.ProcessorCount));
            var job = host.Services.GetRequiredService<IGrainFactory>().GetGrain<IJobGrain>(jobId);
            log.Info("pipeline", "Starting PII anonymization processing...");
            await job.Start(new JobSubmission(TablesJobRunner.JobType, JsonSerializer.SerializeToElement(parameters.ToJsonObject())))
                .ConfigureAwait(false);
            JobStatus status;
            try
            {
                status = await job.WaitForCompletionAsync(e => LogEvent(log, e), cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                await job.Cancel().ConfigureAwait(false);
                // Let the job clean up (its temporary output and pseudonym store) before the silo stops: a job on a
                // stopping silo keeps them for a resume, which never comes in this mode. Docker waits 10 s after SIGTERM.
                using var grace = new CancellationTokenSource(CancelGrace);
                try
                {
                    await job.WaitForCompletionAsync(null, grace.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // The job did not finish in time; the process exits anyway.
                }

                throw;
            }

            return LogOutcome(log, status);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    // Progress and warnings as JSON lines; questions cannot happen (the tables job asks none).
    private static void LogEvent(TeeLog log, JobEvent jobEvent)
    {
        if (jobEvent.Kind == JobEventKinds.Progress)
        {
            var scope = jobEvent.Data.TryGetProperty("scope", out var s) ? s.GetString() ?? "" : "";
            log.Info("progress", scope, jobEvent.Data);
        }
        else if (jobEvent.Kind == JobEventKinds.Warning)
        {
            var code = jobEvent.Data.TryGetProperty("code", out var c) ? c.GetString() ?? "warning" : "warning";
            var message = jobEvent.Data.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "";
            log.Write("warning", code, message);
        }
    }

    private static int LogOutcome(TeeLog log, JobStatus status)
    {
        var exitCode = status.ExitCode ?? TablesExitCodes.PipelineFailure;
        if (status.Result is not { ValueKind: JsonValueKind.Object } result)
        {
            // The runner did not get as far as a result: bad parameters (1) or an unexpected failure (3).
            var code = exitCode == JobExitCodes.InvalidParameters ? TablesExitCodes.BadParameters : TablesExitCodes.PipelineFailure;
            log.Error(code == TablesExitCodes.BadParameters ? "parameters" : "pipeline", status.Error ?? "The job failed", new { exit_code = code });
            return code;
        }

        var error = result.TryGetProperty("error", out var e) ? e.GetString() : null;
        if (result.TryGetProperty("report", out var report))
        {
            log.Info("summary", exitCode == 0 ? "Processing completed successfully" : "Processing finished without publishing", new
            {
                processing_stats = report.GetProperty("processing_stats"),
                anonymization_stats = report.GetProperty("anonymization_stats"),
                privacy_check = report.GetProperty("privacy_check"),
            });
        }

        if (exitCode == 0)
        {
            log.Info("done", "Anonymization report saved", new { report = result.GetProperty("report_path").GetString(), output = result.GetProperty("output_database").GetString() });
        }
        else
        {
            log.Error("failed", error ?? "The job failed", new { exit_code = exitCode });
        }

        return exitCode;
    }
}
