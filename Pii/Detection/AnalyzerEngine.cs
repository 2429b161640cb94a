using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace PiiOrleans.Pii.Detection;

/// <summary>
/// The analyzer: runs the recognizers of the wanted entities (skipping those the text's traits rule out), drops
/// allow-listed values, raises scores by context (nearby words and the column name), applies per-entity thresholds and
/// returns non-overlapping results ordered by start (see <see cref="OverlapResolver"/>). Thread-safe.
/// </summary>
public sealed class AnalyzerEngine
{
    private readonly IEntityRecognizer[] _recognizers;
    private readonly PatternRecognizer?[] _patternRecognizers;
    private readonly IBatchEntityRecognizer?[] _batchRecognizers;
    private readonly Dictionary<string, EntityRules> _rules;
    private readonly IReadOnlySet<string>? _enabled;
    private readonly ContextEnhancer _enhancer;
    private readonly EntityRules _defaultRules;
    private readonly ConcurrentDictionary<string, ColumnNameTokens> _columns = new(StringComparer.Ordinal);
    private readonly HashSet<string> _contextAware;

    /// <summary>Creates an engine over a snapshot of <paramref name="registry"/> (later additions are not seen).</summary>
    public AnalyzerEngine(RecognizerRegistry registry, AnalyzerOptions options)
    {
        Options = options;
        _enabled = options.EnabledEntities;
        _recognizers = registry.Recognizers.Where(r => _enabled is null || r.SupportedEntities.Any(_enabled.Contains)).ToArray();
        _patternRecognizers = _recognizers.Select(r => r as PatternRecognizer).ToArray();
        _batchRecognizers = _recognizers.Select(r => r as IBatchEntityRecognizer).ToArray();
        _enhancer = new ContextEnhancer(options);
        _contextAware = _recognizers.OfType<IContextAwareRecognizer>().Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        SupportedEntities = _recognizers.SelectMany(r => r.SupportedEntities).Where(e => _enabled is null || _enabled.Contains(e)).Distinct().ToArray();

        _rules = new Dictionary<string, EntityRules>(StringComparer.Ordinal);
        foreach (string entity in SupportedEntities.Concat(options.Entities.Keys).Distinct())
        {
            options.Entities.TryGetValue(entity, out var settings);
            var words = _recognizers.OfType<PatternRecognizer>().Where(r => r.Entity == entity).SelectMany(r => r.ContextWords)
                .Concat(settings?.ContextWords ?? []);
            _rules[entity] = new EntityRules(entity, options.ThresholdFor(entity), new ContextWords(words), settings);
        }
        _defaultRules = new EntityRules("*", options.DefaultThreshold, new ContextWords([]), null);
    }

    /// <summary>An engine with the built-in recognizers and <paramref name="options"/> (default: all entities).</summary>
    public static AnalyzerEngine Create(AnalyzerOptions? options = null)
    {
        options ??= AnalyzerOptions.Default;
        return new AnalyzerEngine(RecognizerRegistry.CreateDefault(options), options);
    }

    /// <summary>An engine with the built-in recognizers configured by the loaded PII configuration.</summary>
    public static AnalyzerEngine Create(Configuration.PiiSettings settings) => Create(AnalyzerOptionsFactory.FromSettings(settings));

    /// <summary>The options this engine applies.</summary>
    public AnalyzerOptions Options { get; }

    /// <summary>Entities this engine can report.</summary>
    public IReadOnlyList<string> SupportedEntities { get; }

    /// <summary>The recognizers this engine runs.</summary>
    public IReadOnlyList<IEntityRecognizer> Recognizers => _recognizers;

    /// <summary>The non-overlapping results for <paramref name="text"/>, ordered by start.</summary>
    public List<RecognizerResult> Analyze(string text, RecognitionRequest? request = null)
    {
        var results = new List<RecognizerResult>();
        Analyze(text, request ?? RecognitionRequest.Default, results);
        return results;
    }

    /// <summary>Adds the non-overlapping results for <paramref name="text"/> to the empty list <paramref name="results"/>.</summary>
    public void Analyze(string text, RecognitionRequest request, List<RecognizerResult> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0) return;
        var traits = TextTraitsScanner.Scan(text);
        for (int i = 0; i < _recognizers.Length; i++)
        {
            request.Cancellation.ThrowIfCancellationRequested();
            var pattern = _patternRecognizers[i];
            if (pattern is not null && !pattern.CanMatch(traits)) continue;
            RunRecognizer(_recognizers[i], pattern, text, traits, request, results);
        }
        PostProcess(text, request, results);
    }

    /// <summary>
    /// Analyzes many texts; batch-capable recognizers (the NER model) get one call for the whole batch.
    /// Element i of the result belongs to <c>texts[i]</c>.
    /// </summary>
    public IReadOnlyList<List<RecognizerResult>> AnalyzeBatch(IReadOnlyList<string> texts, RecognitionRequest? request = null)
    {
        request ??= RecognitionRequest.Default;
        var results = new List<RecognizerResult>[texts.Count];
        for (int t = 0; t < texts.Count; t++) results[t] = [];
        // Traits once per text, not once per recognizer and text.
        var traits = new TextTraits[texts.Count];
        for (int t = 0; t < texts.Count; t++) traits[t] = TextTraitsScanner.Scan(texts[t]);
        for (int i = 0; i < _recognizers.Length; i++)
        {
            request.Cancellation.ThrowIfCancellationRequested();
            if (_batchRecognizers[i] is { } batch)
            {
                if (!batch.SupportedEntities.Any(request.Wants)) continue;
                try { batch.AnalyzeBatch(texts, request, results); }
                catch (RegexMatchTimeoutException ex) { throw new AnalysisException(batch.Name, texts.Sum(t => t.Length), ex); }
                continue;
            }
            var pattern = _patternRecognizers[i];
            for (int t = 0; t < texts.Count; t++)
            {
                request.Cancellation.ThrowIfCancellationRequested();
                string text = texts[t];
                if (text.Length == 0) continue;
                if (pattern is not null && !pattern.CanMatch(traits[t])) continue;
                RunRecognizer(_recognizers[i], pattern, text, traits[t], request, results[t]);
            }
        }
        for (int t = 0; t < texts.Count; t++) PostProcess(texts[t], request, results[t]);
        return results;
    }

    private static void RunRecognizer(IEntityRecognizer recognizer, PatternRecognizer? pattern, string text, TextTraits traits,
        RecognitionRequest request, List<RecognizerResult> results)
    {
        try
        {
            if (pattern is not null) pattern.Analyze(text, traits, request, results);
            else recognizer.Analyze(text, request, results);
        }
        catch (RegexMatchTimeoutException ex)
        {
            throw new AnalysisException(recognizer.Name, text.Length, ex);
        }
    }

    private void PostProcess(string text, RecognitionRequest request, List<RecognizerResult> results)
    {
        if (results.Count == 0) return;
        ColumnNameTokens? column = request.ColumnName is { Length: > 0 } name ? _columns.GetOrAdd(name, static n => new ColumnNameTokens(n)) : null;
        int kept = 0;
        for (int i = 0; i < results.Count; i++)
        {
            var r = results[i];
            if (r.Start < 0 || r.End > text.Length || r.End <= r.Start) continue; // a misbehaving plug-in recognizer
            if (_enabled is not null && !_enabled.Contains(r.EntityType)) continue;
            if (!request.Wants(r.EntityType)) continue;
            var rules = _rules.GetValueOrDefault(r.EntityType) ?? _defaultRules;
            if (rules.IsAllowed(text.AsSpan(r.Start, r.Length))) continue;
            // Context can add at most the boost; skip the window scan for results that cannot reach the threshold anyway.
            if (Math.Max(r.Score + Options.ContextBoost, Options.MinScoreWithContext) < rules.Threshold) continue;
            double score = _contextAware.Contains(r.Recognizer)
                ? _enhancer.EnhanceByColumn(r, rules.Context, column)
                : _enhancer.Enhance(text, r, rules.Context, column);
            if (score < rules.Threshold || score <= 0) continue;
            results[kept++] = score == r.Score ? r : r with { Score = score };
        }
        results.RemoveRange(kept, results.Count - kept);
        Ner.NumberLikePlaceArbiter.Resolve(text, results, _contextAware);
        Ner.AdjacentNameMerger.Merge(text, results);
        OverlapResolver.Resolve(results);
    }
}
