using PiiOrleans.Pii.Anonymization;
using PiiOrleans.Pii.Configuration;
using PiiOrleans.Pii.Detection;
using PiiOrleans.Pii.Detection.Ner;
using PiiOrleans.Pii.Detection.Profiling;
using PiiOrleans.Pii.Engine;
using PiiOrleans.Tables;

namespace PiiOrleans.Tables;

/// <summary>
/// Builds a tables job's engine from the Presidio-style configuration file (or the built-in defaults): analyzer,
/// operators, column profiler; configuration errors become <see cref="TablesConfigurationException"/> naming the field.
/// </summary>
public sealed class PiiTablesEngineFactory(IEnumerable<IEntityRecognizer> extraRecognizers) : ITablesEngineFactory
{
    // The model is loaded once per silo and shared by its jobs (the recognizer is thread-safe).
    private readonly Dictionary<string, (IEntityRecognizer[] Recognizers, string Model)> _ner = new(StringComparer.Ordinal);
    private readonly Lock _nerGate = new();

    /// <summary>A factory with the built-in recognizers only.</summary>
    public PiiTablesEngineFactory()
        : this([])
    {
    }

    // Per generation; tables mostly hold unique free text, so a larger cache mostly costs memory.
    private static readonly PiiEngineOptions EngineOptions = new(CacheCapacity: 4096, MaxCachedTextLength: 256);

    /// <inheritdoc />
    public TablesEngineSetup Create(TablesEngineSpec spec, IPseudonymStore? pseudonymStore = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var configPath = spec.ConfigSource;
        // Unless configured, fake pseudonyms are keyed by the input's digest (a re-run gives the same file), hashed only
        // when the first one is derived; an unreadable input (the job reports it) falls back to a random seed.
        Func<string>? defaultPseudonymSeed = pseudonymStore is null
            ? null
            : () => InputDerivedSeed.Of(spec.InputPath) ?? Guid.NewGuid().ToString("N");
        try
        {
            var settings = ValidatedEntityThresholds.Cap(spec.ConfigJson is null ? PiiSettings.Default : LoadSettings(spec.ConfigJson, configPath));
            var options = AnalyzerOptionsFactory.FromSettings(settings);
            var registry = RecognizerRegistry.CreateDefault(options);
            foreach (var recognizer in extraRecognizers)
            {
                registry.Add(recognizer);
            }

            var (ner, model) = settings.Ner.Enabled ? LoadNer(settings.Ner.ModelPath, settings.Ner.MinScore) : ([], "none (ner disabled)");
            foreach (var recognizer in ner)
            {
                registry.Add(recognizer);
            }

            var analyzer = new AnalyzerEngine(registry, options);
            var operators = settings.Anonymization.PseudonymSeed is null && defaultPseudonymSeed is not null
                ? new OperatorRegistry(pseudonymStore, defaultPseudonymSeed)
                : new OperatorRegistry(pseudonymStore, settings.Anonymization.PseudonymSeed);
            var engine = new PiiEngine(settings, new AnalyzerEngineAdapter(analyzer), operators, EngineOptions);
            var profiler = new ColumnProfiler(analyzer);
            var anonymizer = new PiiCellAnonymizer(engine, PiiCellAnonymizer.CreateLeakAnalyzer(), (name, sample) => ToTreatment(profiler.Profile(name, [.. sample]), name, sample),
                new ColumnLinks(spec.InputPath));
            var batch = settings.BatchProcessing;
            return new TablesEngineSetup(anonymizer, settings.Enabled, batch.BatchSize, batch.EnableParallelProcessing, batch.NumWorkers,
                settings.EnabledEntityTypes, model, settings.Nlp.SupportedLanguages)
            {
                UsesNerModel = ner.Any(r => r is Pii.Detection.Ner.NerRecognizer),
            };
        }
        catch (PiiConfigurationException ex)
        {
            throw new TablesConfigurationException($"Invalid PII configuration: {ex.Message}");
        }
        catch (DetectionConfigurationException ex)
        {
            throw new TablesConfigurationException($"Invalid PII configuration: {ex.Message}");
        }
        catch (PiiOrleans.Pii.Detection.Ner.NerModelException ex)
        {
            // Never a silent downgrade: NER was asked for and cannot run.
            throw new TablesConfigurationException($"{ex.Message} For a tables job, \"ner\": {{\"enabled\": false}} in the configuration is the opt-out.");
        }
        catch (FileNotFoundException)
        {
            throw new TablesConfigurationException($"PII configuration {configPath} does not exist. Give the path of a JSON configuration file.");
        }
    }

    private static PiiSettings LoadSettings(string json, string? source)
    {
        try
        {
            return PiiSettingsLoader.Parse(json);
        }
        catch (PiiConfigurationException e) when (source is not null)
        {
            throw e.WithSource(source);
        }
    }

    private (IEntityRecognizer[] Recognizers, string Model) LoadNer(string? modelPath, double minScore)
    {
        lock (_nerGate)
        {
            var key = (modelPath ?? "") + "|" + minScore.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!_ner.TryGetValue(key, out var loaded))
            {
                // Without the model, names and places in free text rely on the gazetteer or the patterns only; the
                // report says so (presidio_config.nlp_model) instead of failing jobs on machines without it.
                // One thread per model run, as many runs at once as cores (NerModel.ConcurrentRuns): the batch workers
                // always keep the cores busy, and a 16-text batch spreads poorly over several threads. Measured, TEE
                // job, 100k rows, NER on: 1,318–1,410 rows/s and 423–425 MB peak RSS, against 858 rows/s and 396 MB with
                // one run of two threads at a time (and 467 MB on the previous build, four runs of two threads at once).
                // Four windows per run instead of 16: ONNX Runtime's arena holds what the runs in flight need at once
                // (the LSTM's gate projections for every position of every window), and a one-thread run is as fast on
                // four windows as on 16. Measured the same way: 16 windows 338–339 MB at 1,543–1,599 rows/s; 8 windows
                // 319–326 MB at 1,448–1,554; 4 windows 311–315 MB at 1,518–1,535; 2 windows 304 MB at 1,225.
                var set = NamedEntityRecognizerSet.Load(new Pii.Detection.Ner.NerSettings(ModelDirectory: modelPath, IntraOpThreads: 1, MinScore: minScore, BatchSize: 4));
                loaded = ([.. set.Recognizers], set.Problem is null ? set.Description : $"{set.Description} (NER model unavailable)");

                _ner[key] = loaded;
            }

            return loaded;
        }
    }

    // Columns profiled as not PII are copied only when the profile proves they hold no free text (keys, numbers,
    // dates); any other text column still gets span detection (TextColumnScan).
    private static (ColumnTreatment, string?, double) ToTreatment(ColumnProfile profile, string name, IReadOnlyList<string> sample) => profile.Kind switch
    {
        ColumnKind.Entity when profile.Entity is not null => (ColumnTreatment.WholeCell, profile.Entity, profile.Confidence),
        ColumnKind.FreeText => (ColumnTreatment.FreeText, null, profile.Confidence),
        _ when TextColumnScan.Required(name, sample) => (ColumnTreatment.FreeText, null, profile.Confidence),
        _ => (ColumnTreatment.PassThrough, null, profile.Confidence),
    };
}
