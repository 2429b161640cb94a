using System.Globalization;
using System.Text.Json;
using PiiOrleans.Grains.Tables;
using PiiOrleans.Tables;

namespace PiiOrleans.Silo.Tee;

/// <summary>
/// The container contract read from environment variables (spec §1.2): mode, input/output directories, the PII
/// configuration path, the production query and the Query Engine URL and timeouts.
/// </summary>
public sealed record TeeEnvironment(
    bool DevMode,
    string InputDirectory,
    string OutputDirectory,
    string? ConfigPath,
    QueryRequest? Query,
    Uri QueryEngineUrl,
    QueryEngineOptions QueryEngine,
    bool VerifyFull)
{
    /// <summary>Default input directory.</summary>
    public const string DefaultInput = "/mnt/input";

    /// <summary>Default output directory.</summary>
    public const string DefaultOutput = "/mnt/output";

    /// <summary>Default Query Engine.</summary>
    public const string DefaultQueryEngineUrl = "https://query.vana.org";

    /// <summary>The input database path.</summary>
    public string InputDatabase => Path.Combine(InputDirectory, TablesJob.OutputFileName);

    /// <summary>Reads and validates <paramref name="variables"/>; throws <see cref="TeeParameterException"/> with the exit code.</summary>
    public static TeeEnvironment Parse(IReadOnlyDictionary<string, string?> variables)
    {
        string? Get(string name) => variables.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;

        var devMode = Get("DEV_MODE")?.Trim().ToLowerInvariant() is "1" or "true" or "yes";
        var input = Get("INPUT_PATH") ?? Get("INPUT_DIR") ?? DefaultInput;
        var output = Get("OUTPUT_PATH") ?? Get("OUTPUT_DIR") ?? DefaultOutput;
        var config = Get("PRESIDIO_CONFIG_PATH");
        if (config is not null && !File.Exists(config))
        {
            throw new TeeParameterException(TablesExitCodes.BadParameters,
                $"PRESIDIO_CONFIG_PATH is set to {config}, which does not exist. Mount the configuration file there, or unset the variable to use the documented defaults.");
        }

        var verify = Get("PII_VERIFY") ?? "sample";
        if (verify is not ("sample" or "full"))
        {
            throw new TeeParameterException(TablesExitCodes.BadParameters, "PII_VERIFY must be \"sample\" or \"full\".");
        }

        var urlText = (Get("QUERY_ENGINE_URL") ?? DefaultQueryEngineUrl).TrimEnd('/');
        if (!Uri.TryCreate(urlText, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new TeeParameterException(TablesExitCodes.BadParameters, "QUERY_ENGINE_URL must be an absolute http(s) URL.");
        }

        var options = new QueryEngineOptions
        {
            PollTimeout = Seconds(Get, "QUERY_ENGINE_POLL_TIMEOUT_SECONDS", 150),
            PollInterval = Seconds(Get, "QUERY_ENGINE_POLL_INTERVAL_SECONDS", 5),
            RequestTimeout = Seconds(Get, "QUERY_ENGINE_REQUEST_TIMEOUT_SECONDS", 30),
            DownloadTimeout = Seconds(Get, "QUERY_ENGINE_DOWNLOAD_TIMEOUT_SECONDS", 60),
            MaxRetries = (int)Number(Get, "QUERY_ENGINE_MAX_RETRIES", 3),
            RetryDelay = Seconds(Get, "QUERY_ENGINE_RETRY_DELAY_SECONDS", 1),
        };

        var query = devMode ? null : ParseQuery(Get);
        return new TeeEnvironment(devMode, input, output, config, query, url, options, verify == "full");
    }

    private static QueryRequest ParseQuery(Func<string, string?> get)
    {
        var paramsJson = "[]";
        if (get("QUERY_PARAMS") is { } raw)
        {
            try
            {
                using var document = JsonDocument.Parse(raw);
                paramsJson = IsFalsy(document.RootElement) ? "[]" : JsonSerializer.Serialize(document.RootElement);
            }
            catch (JsonException)
            {
                throw new TeeParameterException(TablesExitCodes.BadParameters, "Error in container parameters: QUERY_PARAMS is not valid JSON.");
            }
        }

        long? jobId = null, refinerId = null;
        if (get("COMPUTE_JOB_ID") is { } jobText && get("DATA_REFINER_ID") is { } refinerText)
        {
            jobId = Integer(jobText, "COMPUTE_JOB_ID");
            refinerId = Integer(refinerText, "DATA_REFINER_ID");
        }

        var query = get("QUERY");
        var signature = get("QUERY_SIGNATURE");
        if (query is null || signature is null)
        {
            throw new TeeParameterException(TablesExitCodes.QueryEngineFailure,
                "Missing required QUERY or QUERY_SIGNATURE environment variables. Set DEV_MODE=1 to use local database file without query execution.");
        }

        if (jobId is null or 0 || refinerId is null or 0)
        {
            throw new TeeParameterException(TablesExitCodes.QueryEngineFailure, "Missing required COMPUTE_JOB_ID or DATA_REFINER_ID environment variables.");
        }

        return new QueryRequest(query, signature, paramsJson, refinerId.Value, jobId.Value);
    }

    private static bool IsFalsy(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.False => true,
        JsonValueKind.Number => value.GetDouble() == 0,
        JsonValueKind.String => value.GetString()!.Length == 0,
        JsonValueKind.Array => value.GetArrayLength() == 0,
        JsonValueKind.Object => !value.EnumerateObject().Any(),
        _ => false,
    };

    private static long Integer(string text, string name) =>
        long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new TeeParameterException(TablesExitCodes.BadParameters, $"Error in container parameters: {name} must be an integer.");

    private static double Number(Func<string, string?> get, string name, double fallback)
    {
        if (get(name) is not { } text)
        {
            return fallback;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw new TeeParameterException(TablesExitCodes.BadParameters, $"{name} must be a non-negative number.");
    }

    private static TimeSpan Seconds(Func<string, string?> get, string name, double fallback) => TimeSpan.FromSeconds(Number(get, name, fallback));
}
