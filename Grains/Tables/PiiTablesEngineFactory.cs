using PiiOrleans.Grains.Interfaces.Tables;
using PiiOrleans.Grains.Jobs;
using PiiOrleans.Pii.Configuration;
using PiiOrleans.Pii.Detection;
using PiiOrleans.Pii.Detection.Profiling;
using PiiOrleans.Pii.Engine;

namespace PiiOrleans.Grains.Tables;

/// <summary>
/// Builds a tables job's engine from the Presidio-style configuration file (or the built-in defaults): analyzer,
/// operators, column profiler; configuration errors become <see cref="JobParameterException"/> naming the field.
/// </summary>
public sealed class PiiTablesEngineFactory(IEnumerable<IEntityRecognizer> extraRecognizers) : ITablesEngineFactory
{
    /// <summary>A factory with the built-in recognizers only.</summary>
    public PiiTablesEngineFactory()
        : this([])
    {
    }

    /// <inheritdoc />
    public TablesEngineSetup Create(string? configPath)
    {
        try
        {
            var settings = PiiSettingsLoader.LoadOrDefault(configPath);
            var options = AnalyzerOptionsFactory.FromSettings(settings);
            var registry = RecognizerRegistry.CreateDefault(options);
            foreach (var recognizer in extraRecognizers)
            {
                registry.Add(recognizer);
            }

            var analyzer = new AnalyzerEngine(registry, options);
            var engine = new PiiEngine(settings, new AnalyzerEngineAdapter(analyzer));
            var profiler = new ColumnProfiler(analyzer);
            var anonymizer = new PiiCellAnonymizer(engine, analyzer, (name, sample) => ToTreatment(profiler.Profile(name, [.. sample])));
            var batch = settings.BatchProcessing;
            return new TablesEngineSetup(anonymizer, settings.Enabled, batch.BatchSize, batch.EnableParallelProcessing, batch.NumWorkers,
                settings.EnabledEntityTypes, settings.Nlp.ModelName, settings.Nlp.SupportedLanguages);
        }
        catch (PiiConfigurationException ex)
        {
            throw new JobParameterException($"Invalid PII configuration: {ex.Message}");
        }
        catch (DetectionConfigurationException ex)
        {
            throw new JobParameterException($"Invalid PII configuration: {ex.Message}");
        }
        catch (FileNotFoundException)
        {
            throw new JobParameterException($"PII configuration {configPath} does not exist. Give the path of a JSON configuration file.");
        }
    }

    // Columns profiled as not PII (keys, codes, timestamps) are copied; the privacy re-scan still covers them.
    private static (ColumnTreatment, string?, double) ToTreatment(ColumnProfile profile) => profile.Kind switch
    {
        ColumnKind.Entity when profile.Entity is not null => (ColumnTreatment.WholeCell, profile.Entity, profile.Confidence),
        ColumnKind.FreeText => (ColumnTreatment.FreeText, null, profile.Confidence),
        _ => (ColumnTreatment.PassThrough, null, profile.Confidence),
    };
}
