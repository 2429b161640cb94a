using System.Collections.Frozen;
using System.Collections.Immutable;
using PiiOrleans.Pii.Anonymization;
using PiiOrleans.Pii.Configuration;
using PiiOrleans.Pii.Detection;
using PiiOrleans.Pii.Detection.Profiling;

namespace PiiOrleans.Pii.Engine;

/// <summary>
/// The engine facade the pipelines call: analysis and anonymization of free text and table cells with one job's
/// configuration, operators and pseudonym store. Thread-safe; identical values are analysed once (bounded cache).
/// Fails closed: a text whose analysis fails is replaced as a whole, never passed through.
/// </summary>
public sealed class PiiEngine
{
    /// <summary>Entity type reported for a text that was replaced because its analysis failed.</summary>
    public const string AnalysisFailedEntity = "ANALYSIS_FAILED";

    private readonly IPiiAnalyzer _analyzer;
    private readonly AnonymizerEngine _anonymizer = new();
    private readonly AnalysisCache _cache;
    private readonly RecognitionRequest _defaultRequest;
    private readonly FrozenSet<string> _enabled;
    private readonly bool _batchesHelp;

    /// <summary>
    /// Creates the engine over <paramref name="analyzer"/>. Operators come from <paramref name="settings"/> and are
    /// validated here; <paramref name="registry"/> carries the job's pseudonym store (a fresh one when null).
    /// </summary>
    public PiiEngine(PiiSettings settings, IPiiAnalyzer analyzer, OperatorRegistry? registry = null, PiiEngineOptions? options = null)
    {
        Settings = settings;
        _analyzer = analyzer;
        options ??= PiiEngineOptions.Default;
        registry ??= new OperatorRegistry(null, settings.Anonymization.PseudonymSeed);
        try
        {
            Operators = OperatorMap.FromSettings(settings, registry);
        }
        catch (OperatorParameterException e)
        {
            throw new PiiConfigurationException($"$.entities (operator parameter '{e.Parameter}')", e.Message);
        }

        _cache = new AnalysisCache(options.CacheCapacity, options.MaxCachedTextLength);
        _enabled = settings.EnabledEntityTypes.ToFrozenSet(StringComparer.Ordinal);
        _defaultRequest = new RecognitionRequest(_enabled);

        // Only a batch-capable recognizer (the NER model) gains from batches; without one, text by text is cheaper.
        _batchesHelp = analyzer.Recognizers.Any(r => r is IBatchEntityRecognizer);
    }

    /// <summary>
    /// The engine of a job: the built-in pattern recognizers configured by <paramref name="settings"/> plus
    /// <paramref name="extraRecognizers"/> (NER, gazetteers) supplied by the host. Throws <see cref="PiiConfigurationException"/>
    /// or <see cref="DetectionConfigurationException"/> for settings that cannot run.
    /// </summary>
    public static PiiEngine Create(PiiSettings? settings = null, IEnumerable<IEntityRecognizer>? extraRecognizers = null,
        IPseudonymStore? pseudonymStore = null, PiiEngineOptions? options = null)
    {
        settings ??= PiiSettings.Default;
        var analyzerOptions = AnalyzerOptionsFactory.FromSettings(settings);
        var recognizers = RecognizerRegistry.CreateDefault(analyzerOptions);
        foreach (var recognizer in extraRecognizers ?? [])
        {
            recognizers.Add(recognizer);
        }

        var analyzer = new AnalyzerEngineAdapter(new AnalyzerEngine(recognizers, analyzerOptions));
        return new PiiEngine(settings, analyzer, new OperatorRegistry(pseudonymStore, settings.Anonymization.PseudonymSeed), options);
    }

    /// <summary>The configuration the engine runs with.</summary>
    public PiiSettings Settings { get; }

    /// <summary>The per-entity operators (and the job's pseudonym store through <see cref="OperatorMap.Registry"/>).</summary>
    public OperatorMap Operators { get; }

    /// <summary>The job's pseudonym mappings.</summary>
    public IPseudonymStore PseudonymStore => Operators.Registry.PseudonymStore;

    /// <summary>Entity types the engine can detect with this configuration.</summary>
    public IReadOnlyList<string> SupportedEntities => [.. _analyzer.SupportedEntities.Where(_enabled.Contains)];

    /// <summary>The recognizers behind the analyzer.</summary>
    public IReadOnlyList<IEntityRecognizer> Recognizers => _analyzer.Recognizers;

    /// <summary>
    /// Detected entities of <paramref name="text"/> (sorted, non-overlapping). <paramref name="entities"/> narrows the
    /// enabled set; <paramref name="threshold"/> drops results scoring below it (on top of the per-entity thresholds).
    /// </summary>
    public List<RecognizerResult> Analyze(string text, string? columnName = null, IReadOnlyCollection<string>? entities = null,
        double? threshold = null) => Analyze(text, columnName, entities, threshold, CancellationToken.None);

    /// <summary>
    /// <see cref="Analyze(string, string?, IReadOnlyCollection{string}?, double?)"/> that stops, throwing
    /// <see cref="OperationCanceledException"/>, once <paramref name="cancellationToken"/> is cancelled (checked between
    /// recognizers, and by the NER model between chunks), so a caller that gave up no longer costs CPU.
    /// </summary>
    public List<RecognizerResult> Analyze(string text, string? columnName, IReadOnlyCollection<string>? entities, double? threshold,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        cancellationToken.ThrowIfCancellationRequested();
        var results = new List<RecognizerResult>();
        if (!Settings.Enabled || text.Length == 0)
        {
            return results;
        }

        _analyzer.Analyze(text, Request(columnName, entities) with { Cancellation = cancellationToken }, results);
        if (threshold is { } minimum)
        {
            results.RemoveAll(r => r.Score < minimum);
        }

        results.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        return results;
    }

    /// <summary>
    /// <see cref="Analyze(string, string?, IReadOnlyCollection{string}?, double?)"/> for many cells of one column at once
    /// (the column name raises scores as context does), with the NER model run in batches.
    /// </summary>
    public IReadOnlyList<List<RecognizerResult>> AnalyzeColumnBatch(IReadOnlyList<string> texts, string? columnName, IReadOnlyCollection<string>? entities,
        double? threshold) => AnalyzeBatchCore(texts, columnName, entities, threshold, CancellationToken.None);

    /// <summary>Applies the configured operators to spans found elsewhere (a second look at an anonymized text).</summary>
    public AnonymizerResult AnonymizeSpans(string text, IReadOnlyList<RecognizerResult> spans)
    {
        try
        {
            return _anonymizer.Anonymize(text, spans, Operators);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Replaced(text);
        }
    }

    /// <summary>
    /// <see cref="Analyze"/> for many texts at once: the NER model runs them in batches, which is several times faster
    /// than one text at a time (and is how the pipelines run it).
    /// </summary>
    public IReadOnlyList<List<RecognizerResult>> AnalyzeBatch(IReadOnlyList<string> texts, IReadOnlyCollection<string>? entities = null,
        double? threshold = null) => AnalyzeBatch(texts, entities, threshold, CancellationToken.None);

    /// <summary><see cref="AnalyzeBatch(IReadOnlyList{string}, IReadOnlyCollection{string}?, double?)"/> that stops once <paramref name="cancellationToken"/> is cancelled.</summary>
    public IReadOnlyList<List<RecognizerResult>> AnalyzeBatch(IReadOnlyList<string> texts, IReadOnlyCollection<string>? entities, double? threshold,
        CancellationToken cancellationToken) => AnalyzeBatchCore(texts, null, entities, threshold, cancellationToken);

    private IReadOnlyList<List<RecognizerResult>> AnalyzeBatchCore(IReadOnlyList<string> texts, string? columnName, IReadOnlyCollection<string>? entities,
        double? threshold, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        cancellationToken.ThrowIfCancellationRequested();
        if (!Settings.Enabled)
        {
            return [.. texts.Select(_ => new List<RecognizerResult>())];
        }

        var all = _analyzer.AnalyzeBatch(texts, Request(columnName, entities) with { Cancellation = cancellationToken });
        foreach (var results in all)
        {
            if (threshold is { } minimum)
            {
                results.RemoveAll(r => r.Score < minimum);
            }

            results.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        }

        return all;
    }

    /// <summary>Anonymizes <paramref name="text"/>; <paramref name="columnName"/> (table cells) raises scores like context does.</summary>
    public AnonymizerResult Anonymize(string text, string? columnName = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Settings.Enabled || text.Length == 0)
        {
            return new AnonymizerResult(text, []);
        }

        var cacheable = _cache.Admits(columnName, text);
        if (cacheable && _cache.TryGet(columnName, text, out var cached))
        {
            return cached;
        }

        return AnalyseAndAnonymize(text, columnName, cacheable);
    }

    // The uncached path of Anonymize: a failure replaces the text (and is not cached).
    private AnonymizerResult AnalyseAndAnonymize(string text, string? columnName, bool cacheable)
    {
        AnonymizerResult result;
        try
        {
            var results = new List<RecognizerResult>();
            _analyzer.Analyze(text, Request(columnName, null), results);
            result = _anonymizer.Anonymize(text, results, Operators);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Replaced(text);
        }

        if (cacheable)
        {
            _cache.Add(columnName, text, result);
        }

        return result;
    }

    /// <summary>
    /// Anonymizes only the entities in <paramref name="entities"/> (all enabled when null) scoring at least
    /// <paramref name="threshold"/>; uncached, for ad-hoc requests such as the command line.
    /// </summary>
    public AnonymizerResult AnonymizeFiltered(string text, IReadOnlyCollection<string>? entities, double? threshold)
    {
        List<RecognizerResult> results;
        try
        {
            results = Analyze(text, null, entities, threshold);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Replaced(text);
        }

        return _anonymizer.Anonymize(text, results, Operators);
    }

    /// <summary>Anonymizes many texts (one column or one file chunk); uncached texts are analysed as one batch.</summary>
    public IReadOnlyList<AnonymizerResult> AnonymizeBatch(IReadOnlyList<string> texts, string? columnName = null)
    {
        var output = new AnonymizerResult[texts.Count];
        if (!Settings.Enabled)
        {
            for (var i = 0; i < texts.Count; i++)
            {
                output[i] = new AnonymizerResult(texts[i], []);
            }

            return output;
        }

        // Indices of the texts still to analyse, and whether each is to be cached.
        var pending = new List<(int Index, bool Cacheable)>();
        for (var i = 0; i < texts.Count; i++)
        {
            var text = texts[i];
            var cacheable = text.Length > 0 && _cache.Admits(columnName, text);
            if (text.Length == 0)
            {
                output[i] = new AnonymizerResult(text, []);
            }
            else if (cacheable && _cache.TryGet(columnName, text, out var cached))
            {
                output[i] = cached;
            }
            else
            {
                pending.Add((i, cacheable));
            }
        }

        if (pending.Count == 0)
        {
            return output;
        }

        if (!_batchesHelp || pending.Count == 1)
        {
            foreach (var (i, cacheable) in pending)
            {
                output[i] = AnalyseAndAnonymize(texts[i], columnName, cacheable);
            }

            return output;
        }

        IReadOnlyList<List<RecognizerResult>> analysed;
        var batch = pending.Select(p => texts[p.Index]).ToArray();
        try
        {
            analysed = _analyzer.AnalyzeBatch(batch, Request(columnName, null));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // One bad text must not fail the batch: fall back to one text at a time (each fails closed on its own).
            foreach (var (i, cacheable) in pending)
            {
                output[i] = AnalyseAndAnonymize(texts[i], columnName, cacheable);
            }

            return output;
        }

        for (var k = 0; k < pending.Count; k++)
        {
            var (i, cacheable) = pending[k];
            AnonymizerResult result;
            try
            {
                result = _anonymizer.Anonymize(texts[i], analysed[k], Operators);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                result = Replaced(texts[i]);
            }

            if (cacheable)
            {
                _cache.Add(columnName, texts[i], result);
            }

            output[i] = result;
        }

        return output;
    }

    /// <summary>
    /// Anonymizes a value known to be entirely one <paramref name="entityType"/> (a column classified as a whole):
    /// the entity's operator runs on the whole value without span detection.
    /// </summary>
    public AnonymizerResult AnonymizeWhole(string value, string entityType)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!Settings.Enabled || value.Length == 0)
        {
            return new AnonymizerResult(value, []);
        }

        return _anonymizer.AnonymizeWhole(value, entityType, Operators);
    }

    /// <summary>The text of <see cref="AnonymizeWhole"/> without its result record (one table cell of an entity column).</summary>
    public string AnonymizeWholeText(string value, string entityType)
    {
        ArgumentNullException.ThrowIfNull(value);
        return !Settings.Enabled || value.Length == 0 ? value : _anonymizer.OperateWhole(value, entityType, Operators, out _);
    }

    /// <summary>
    /// Decides how a table column is treated from its name and a sample of values (one entity, free text or not PII).
    /// Needs the pattern analyzer (<see cref="Create"/>); with another analyzer every column is free text.
    /// </summary>
    public ColumnProfile ProfileColumn(string columnName, IReadOnlyList<string?> sample)
    {
        if (!Settings.Enabled)
        {
            return new ColumnProfile(columnName, ColumnKind.NotPii, null, 1.0, "PII processing is disabled in the configuration");
        }

        return _analyzer is AnalyzerEngineAdapter adapter
            ? new ColumnProfiler(adapter.Engine).Profile(columnName, sample)
            : new ColumnProfile(columnName, ColumnKind.FreeText, null, 0.5, "no column profiler for this analyzer");
    }

    /// <summary>
    /// Anonymizes one cell of a profiled column: an entity column has its whole value operated on (unless that
    /// entity is disabled in the configuration), a free-text column gets span detection, a not-PII column is copied.
    /// </summary>
    public AnonymizerResult AnonymizeCell(string value, ColumnProfile profile)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(profile);
        return profile.Kind switch
        {
            ColumnKind.Entity when profile.Entity is { } entity && Settings.FindEntity(entity) is not { Enabled: false } =>
                AnonymizeWhole(value, entity),
            ColumnKind.Entity or ColumnKind.FreeText => Anonymize(value, profile.ColumnName),
            _ => new AnonymizerResult(value, []),
        };
    }

    private RecognitionRequest Request(string? columnName, IReadOnlyCollection<string>? entities)
    {
        if (entities is null || entities.Count == 0)
        {
            return columnName is null ? _defaultRequest : _defaultRequest with { ColumnName = columnName };
        }

        var wanted = entities.Where(_enabled.Contains).ToFrozenSet(StringComparer.Ordinal);
        return new RecognitionRequest(wanted, columnName);
    }

    private AnonymizerResult Replaced(string text)
    {
        var replacement = Settings.Anonymization.DefaultReplacement;
        return new AnonymizerResult(replacement,
            ImmutableArray.Create(new AnonymizedItem(0, replacement.Length, AnalysisFailedEntity, replacement, "replace")));
    }
}
