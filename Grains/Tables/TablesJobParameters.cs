using System.Text.Json;
using PiiOrleans.Grains.Interfaces.Jobs;
using PiiOrleans.Grains.Jobs;

namespace PiiOrleans.Grains.Tables;

/// <summary>
/// Parameters of a "tables" job: <c>input</c> (SQLite file), <c>output_dir</c>, optional <c>config</c>,
/// <c>verify</c> (sample|full), <c>batch_size</c> (overrides the configuration) and <c>max_in_flight</c>.
/// </summary>
public sealed record TablesJobParameters(
    string Input,
    string OutputDirectory,
    string? ConfigPath,
    bool VerifyFull,
    int? BatchSize,
    int? MaxInFlightBatches)
{
    /// <summary>Reads the parameters from a job submission's JSON object.</summary>
    public static TablesJobParameters Parse(JsonElement parameters)
    {
        if (parameters.ValueKind != JsonValueKind.Object)
        {
            throw new JobParameterException("The tables job needs a JSON object with \"input\" and \"output_dir\".");
        }

        var input = RequiredString(parameters, "input");
        var output = RequiredString(parameters, "output_dir");
        var config = OptionalString(parameters, "config");
        var verify = OptionalString(parameters, "verify") ?? "sample";
        if (verify is not ("sample" or "full"))
        {
            throw new JobParameterException("\"verify\" must be \"sample\" or \"full\".");
        }

        return new TablesJobParameters(input, output, config, verify == "full",
            OptionalPositive(parameters, "batch_size"), OptionalPositive(parameters, "max_in_flight"));
    }

    /// <summary>The JSON object form (what the client submits).</summary>
    public Dictionary<string, object?> ToJsonObject() => new()
    {
        ["input"] = Input,
        ["output_dir"] = OutputDirectory,
        ["config"] = ConfigPath,
        ["verify"] = VerifyFull ? "full" : "sample",
        ["batch_size"] = BatchSize,
        ["max_in_flight"] = MaxInFlightBatches,
    };

    private static string RequiredString(JsonElement parameters, string name) =>
        OptionalString(parameters, name) is { Length: > 0 } value
            ? value
            : throw new JobParameterException($"\"{name}\" is required (a path).");

    private static string? OptionalString(JsonElement parameters, string name) =>
        parameters.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : throw new JobParameterException($"\"{name}\" must be a string.")
            : null;

    private static int? OptionalPositive(JsonElement parameters, string name)
    {
        if (!parameters.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number > 0
            ? number
            : throw new JobParameterException($"\"{name}\" must be a positive integer.");
    }
}
