using System.CommandLine;
using System.Globalization;
using PiiOrleans.Pii.Configuration;
using PiiOrleans.Pii.Detection;
using PiiOrleans.Pii.Engine;

namespace PiiOrleans.Client.Commands;

/// <summary>
/// The options analyze, anonymize and eval share (<c>--config</c>, <c>--entities</c>, <c>--threshold</c>) and the
/// in-process engine they build from them (no silo needed).
/// </summary>
public sealed class AnalyzeEngineOptions
{
    /// <summary><c>--no-ner</c>: pattern recognizers only (faster; PERSON, ORGANIZATION and place names are then missed).</summary>
    public Option<bool> NoNer { get; } = new("--no-ner")
    {
        Description = "Run the pattern recognizers only, without the NER model and gazetteer.",
    };

    /// <summary><c>--config FILE</c>: the PII configuration (Presidio-style JSON); built-in defaults without it.</summary>
    public Option<string?> Config { get; } = new("--config", "-c")
    {
        Description = "PII configuration file (Presidio-style JSON). Without it the documented built-in defaults apply.",
    };

    /// <summary><c>--entities A,B</c>: only these entity types.</summary>
    public Option<string[]> Entities { get; } = new("--entities", "-e")
    {
        Description = "Only these entity types (comma-separated or repeated), e.g. EMAIL_ADDRESS,PHONE_NUMBER.",
        AllowMultipleArgumentsPerToken = true,
    };

    /// <summary><c>--threshold X</c>: minimum score on top of the per-entity thresholds.</summary>
    public Option<double?> Threshold { get; } = new("--threshold")
    {
        Description = "Drop results scoring below this (0 to 1), on top of each entity's confidence_threshold.",
    };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Config);
        command.Options.Add(Entities);
        command.Options.Add(Threshold);
        command.Options.Add(NoNer);
    }

    /// <summary>The requested entity types, or null for all enabled ones.</summary>
    public IReadOnlyCollection<string>? EntitiesFrom(ParseResult parseResult)
    {
        var values = parseResult.GetValue(Entities);
        if (values is null || values.Length == 0)
        {
            return null;
        }

        return values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(v => v.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The threshold, validated to lie in [0, 1].</summary>
    public double? ThresholdFrom(ParseResult parseResult)
    {
        var threshold = parseResult.GetValue(Threshold);
        return threshold is null or (>= 0 and <= 1)
            ? threshold
            : throw new ClientUsageException(string.Create(CultureInfo.InvariantCulture,
                $"--threshold is {threshold}; give a score between 0 and 1."));
    }

    /// <summary>Builds the engine from <c>--config</c>; configuration errors become usage errors naming the file and field.</summary>
    public PiiEngine CreateEngine(ParseResult parseResult, TextWriter warnings)
    {
        PiiSettings settings;
        try
        {
            settings = PiiSettingsLoader.LoadOrDefault(parseResult.GetValue(Config));
        }
        catch (PiiConfigurationException e)
        {
            throw new ClientUsageException(e.Message);
        }

        try
        {
            var extra = parseResult.GetValue(NoNer) || !settings.Ner.Enabled
                ? []
                : NerRecognizers(settings);
            return PiiEngine.Create(settings, extra);
        }
        catch (Exception e) when (e is PiiConfigurationException or DetectionConfigurationException)
        {
            throw new ClientUsageException(e.Message);
        }
    }

    /// <summary>
    /// The NER model (with its gazetteer) of the configuration's <c>ner</c> section. A model that cannot be loaded is a
    /// usage error (exit 1) naming the directory, never a silent downgrade; <c>--no-ner</c> is the explicit opt-out.
    /// </summary>
    private static IReadOnlyList<IEntityRecognizer> NerRecognizers(PiiSettings settings)
    {
        try
        {
            return PiiOrleans.Pii.Detection.Ner.NamedEntityRecognizerSet.Load(
                new PiiOrleans.Pii.Detection.Ner.NerSettings(ModelDirectory: settings.Ner.ModelPath, MinScore: settings.Ner.MinScore)).Recognizers;
        }
        catch (PiiOrleans.Pii.Detection.Ner.NerModelException e)
        {
            throw new ClientUsageException(e.Message);
        }
    }
}
