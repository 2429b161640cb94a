using System.Text.Json;
using PiiOrleans.Grains.Interfaces.Jobs;
using PiiOrleans.Grains.Jobs;
using PiiOrleans.Grains.Security;
using PiiOrleans.Tables;

namespace PiiOrleans.Grains.Tables;

/// <summary>
/// The "tables" job type: reads the parameters and the configuration (which then travels in the job's messages),
/// runs <see cref="TablesJob"/> and returns the report summary with the job's exit code.
/// </summary>
public sealed class TablesJobRunner(TablesEngineCache engines, JobDataRoots roots) : IJobRunner
{
    /// <summary>The job type name.</summary>
    public const string JobType = "tables";

    /// <inheritdoc />
    public async Task<JobOutcome> RunAsync(IJobContext context, JsonElement parameters, CancellationToken cancellationToken)
    {
        var request = TablesJobParameters.Parse(parameters);
        // Before anything touches the file system, so a refused path reveals nothing about what exists there.
        request = request with
        {
            Input = roots.Check(request.Input, "input"),
            OutputDirectory = roots.Check(request.OutputDirectory, "output_dir"),
            ConfigPath = request.ConfigPath is null ? null : roots.Check(request.ConfigPath, "config"),
        };
        TablesEngineSpec spec;
        TablesEngineSetup setup;
        try
        {
            // The configuration travels in every message as text, so each silo builds (or finds) the same engine.
            spec = TablesEngineSpec.FromFile(request.ConfigPath, Path.GetFullPath(request.Input));
            setup = engines.Get(spec);
        }
        catch (TablesConfigurationException ex)
        {
            throw new JobParameterException(ex.Message);
        }

        var result = await new TablesJob(context, request, setup, spec).RunAsync(cancellationToken).ConfigureAwait(false);
        return new JobOutcome(ToJson(result), result.ExitCode);
    }

    /// <summary>The job result document: status, exit code, error, paths, and the report itself.</summary>
    public static JsonElement ToJson(TablesJobResult result)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("status", result.Status);
            json.WriteNumber("exit_code", result.ExitCode);
            if (result.Error is not null)
            {
                json.WriteString("error", result.Error);
            }

            json.WriteString("output_database", result.OutputDatabase);
            json.WriteString("report_path", result.ReportPath);
            if (result.Report is not null)
            {
                json.WritePropertyName("report");
                using var report = JsonDocument.Parse(result.Report);
                report.RootElement.WriteTo(json);
            }

            json.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }
}
