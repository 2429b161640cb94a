using Orleans;

namespace PiiOrleans.Tables;

/// <summary>
/// Everything a silo needs to build a tables job's engine, carried in every message that needs the engine: the PII
/// configuration's JSON (null = the built-in defaults), where it came from (for messages only), and the input whose
/// digest seeds fake pseudonyms when the configuration sets no seed. <see cref="Digest"/> keys silo-local engine caches.
/// </summary>
[GenerateSerializer, Immutable, Alias("piiorleans.tables.tables-engine-spec")]
public sealed record TablesEngineSpec(string? ConfigJson, string? ConfigSource, string InputPath, string Digest)
{
    /// <summary>The spec of a job whose configuration is <paramref name="configPath"/> (read now) and input <paramref name="inputPath"/>.</summary>
    public static TablesEngineSpec FromFile(string? configPath, string inputPath)
    {
        string? json = null;
        if (!string.IsNullOrWhiteSpace(configPath))
        {
            if (!File.Exists(configPath))
            {
                throw new TablesConfigurationException(
                    $"PII configuration {configPath} does not exist. Give the path of a JSON configuration file.");
            }

            json = File.ReadAllText(configPath);
        }

        return Create(json, configPath, inputPath);
    }

    /// <summary>The spec for configuration text <paramref name="configJson"/> (null = defaults).</summary>
    public static TablesEngineSpec Create(string? configJson, string? configSource, string inputPath)
    {
        var material = $"{configJson?.Length ?? -1}\n{configJson}\n{inputPath}";
        var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(material)));
        return new TablesEngineSpec(configJson, configSource, inputPath, digest);
    }
}
