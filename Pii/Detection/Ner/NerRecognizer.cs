using System.Collections.Concurrent;

namespace PiiOrleans.Pii.Detection.Ner;

/// <summary>
/// PERSON, LOCATION, ORGANIZATION and NRP from a token-classification model. Batches across texts, skips texts
/// that cannot hold a name (no letters, or no capital letter for a model that never saw lower-case text) and caches
/// results of repeated texts.
/// </summary>
public sealed class NerRecognizer : IBatchEntityRecognizer, IContextAwareRecognizer, IDisposable
{
    private readonly NerTagger tagger;
    private readonly NerSettings settings;
    private readonly Gazetteer? gazetteer;
    private readonly bool skipTextsWithoutCapitals;
    private readonly ConcurrentDictionary<string, NerSpan[]> cache = new(StringComparer.Ordinal);

    /// <summary>Creates the recognizer over a loaded model; a gazetteer, when given, raises the scores of spans it confirms.</summary>
    public NerRecognizer(NerModel model, NerSettings settings, Gazetteer? gazetteer = null)
    {
        this.settings = settings;
        this.gazetteer = gazetteer;
        tagger = new NerTagger(model, settings);
        skipTextsWithoutCapitals = settings.SkipTextsWithoutCapitals ?? !model.ReadsLowerCaseText;
        SupportedEntities = model.Labels.Types;
    }

    /// <inheritdoc />
    public string Name => "NerRecognizer";

    /// <inheritdoc />
    public IReadOnlyList<string> SupportedEntities { get; }

    /// <summary>The name and place lists that confirm this recognizer's spans, when its model directory has them.</summary>
    public Gazetteer? Gazetteer => gazetteer;

    /// <summary>The model behind this recognizer.</summary>
    public NerModel Model => tagger.Model;

    /// <summary>Loads the model (and its gazetteer, when the model directory has one) named by <paramref name="settings"/>.</summary>
    public static NerRecognizer Create(NerSettings? settings = null)
    {
        settings ??= NerSettings.Default;
        settings.Validate();
        var directory = settings.ResolveModelDirectory();
        var model = NerModel.Load(directory, settings.IntraOpThreads);
        var gazetteerDir = Path.Combine(directory, "gazetteer");
        // A model that takes word features has loaded this gazetteer already: one copy serves both.
        var gazetteer = model.FeatureGazetteer ?? (System.IO.Directory.Exists(gazetteerDir) ? Gazetteer.Load(gazetteerDir) : null);
        return new NerRecognizer(model, settings, gazetteer);
    }

    /// <inheritdoc />
    public void Analyze(string text, RecognitionRequest request, List<RecognizerResult> results) =>
        AnalyzeBatch([text], request, [results]);

    /// <inheritdoc />
    public void AnalyzeBatch(IReadOnlyList<string> texts, RecognitionRequest request, IReadOnlyList<List<RecognizerResult>> results)
    {
        if (!SupportedEntities.Any(request.Wants))
        {
            return;
        }

        List<int>? pending = null;
        for (var i = 0; i < texts.Count; i++)
        {
            var text = texts[i];
            if (string.IsNullOrEmpty(text) || !MayHoldEntities(text))
            {
                continue;
            }

            if (settings.CacheCapacity > 0 && cache.TryGetValue(text, out var cached))
            {
                Emit(cached, request, results[i]);
                continue;
            }

            (pending ??= []).Add(i);
        }

        if (pending is null)
        {
            return;
        }

        // Identical texts in one batch run once.
        var unique = pending.Select(i => texts[i]).Distinct(StringComparer.Ordinal).ToArray();
        var tagged = tagger.Tag(unique, request.Cancellation);
        var byText = new Dictionary<string, NerSpan[]>(unique.Length, StringComparer.Ordinal);
        var handles = new List<NerSpan>();
        for (var u = 0; u < unique.Length; u++)
        {
            var spans = tagged[u];
            var kept = new List<NerSpan>(spans.Count);
            var cased = NerSpanFilter.HasUpperLetter(unique[u], 0, unique[u].Length);
            foreach (var line in NerSpanFilter.SplitLines(unique[u], spans))
            {
                var raw = line;
                handles.Clear();
                if (NerSpanFilter.TrySplitHandles(unique[u], raw, handles, out var rest))
                {
                    kept.AddRange(handles.Where(h => h.Score >= settings.MinScore));
                    if (rest is not { } remainder)
                    {
                        continue;
                    }

                    raw = remainder;
                }

                if (NerSpanFilter.Refine(unique[u], raw, gazetteer, cased) is not { } span)
                {
                    continue;
                }

                if (gazetteer is not null)
                {
                    span = span with { Score = gazetteer.Confirm(unique[u], span) };
                }

                // Penalties and boosts move scores around the model's threshold, so it is applied again here.
                if (span.Score >= settings.MinScore)
                {
                    AddressComponentSplitter.Split(unique[u], span, kept);
                }
            }

            byText[unique[u]] = [.. kept];
        }

        foreach (var i in pending)
        {
            var spans = byText[texts[i]];
            Emit(spans, request, results[i]);
            if (settings.CacheCapacity > 0)
            {
                // A bounded cache: when full it starts over, which keeps memory flat without LRU bookkeeping.
                if (cache.Count >= settings.CacheCapacity)
                {
                    cache.Clear();
                }

                cache.TryAdd(texts[i], spans);
            }
        }
    }

    /// <summary>Releases the model.</summary>
    public void Dispose() => tagger.Model.Dispose();

    private bool MayHoldEntities(string text)
    {
        var letter = false;
        foreach (var c in text)
        {
            if (char.IsUpper(c))
            {
                return true;
            }

            letter |= char.IsLetter(c);
        }

        return letter && !skipTextsWithoutCapitals;
    }

    private void Emit(NerSpan[] spans, RecognitionRequest request, List<RecognizerResult> results)
    {
        foreach (var s in spans)
        {
            if (request.Wants(s.EntityType))
            {
                results.Add(new RecognizerResult(s.EntityType, s.Start, s.End, s.Score, Name));
            }
        }
    }
}
