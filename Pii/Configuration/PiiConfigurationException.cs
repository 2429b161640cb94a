namespace PiiOrleans.Pii.Configuration;

/// <summary>
/// The PII configuration is invalid. <see cref="JsonPath"/> names the offending field (for example
/// <c>$.entities.email.anonymization_params.key</c>) and <see cref="SourcePath"/> the file, when there is one.
/// </summary>
public sealed class PiiConfigurationException : Exception
{
    /// <summary>Creates the exception for the field at <paramref name="jsonPath"/>.</summary>
    public PiiConfigurationException(string jsonPath, string problem, string? sourcePath = null, Exception? inner = null)
        : base(Format(jsonPath, problem, sourcePath), inner)
    {
        JsonPath = jsonPath;
        Problem = problem;
        SourcePath = sourcePath;
    }

    /// <summary>The JSON path of the offending field.</summary>
    public string JsonPath { get; }

    /// <summary>What is wrong and what to do, without the path.</summary>
    public string Problem { get; }

    /// <summary>The configuration file, or null for text given directly.</summary>
    public string? SourcePath { get; }

    /// <summary>The same error attributed to <paramref name="sourcePath"/>.</summary>
    public PiiConfigurationException WithSource(string sourcePath) => new(JsonPath, Problem, sourcePath, InnerException);

    private static string Format(string jsonPath, string problem, string? sourcePath) =>
        sourcePath is null
            ? $"PII configuration error at {jsonPath}: {problem}"
            : $"PII configuration error in '{sourcePath}' at {jsonPath}: {problem}";
}
