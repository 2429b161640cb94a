using System.Diagnostics;
using PiiOrleans.Pii.Detection;
using PiiOrleans.Pii.Detection.Ner;
using PiiOrleans.Pii.Evaluation;

namespace PiiOrleans.Benchmarks.Ner;

/// <summary>
/// <c>benchmarks ner-eval --input labelled.json [--threads T] [--model DIR] [--min-score S] [--uncased|--cased-only] [--name-threshold T] [--windows-per-run W] [--max-tokens N] [--dump F]</c>: span-level P/R/F2 on a presidio-research file for the
/// NER model alone, the gazetteer alone, and the full analyzer (pattern recognizers + NER + gazetteer).
/// </summary>
public static class NerEvaluation
{
    private static readonly HashSet<string> NameEntities = ["PERSON", "LOCATION", "ORGANIZATION"];

    /// <summary>Runs the evaluation and prints the tables; returns the process exit code.</summary>
    public static int Run(string[] args)
    {
        var i = Array.IndexOf(args, "--input");
        if (i < 0 || i + 1 >= args.Length)
        {
            Console.Error.WriteLine("usage: ner-eval --input labelled.json [--threads T] [--model DIR] [--min-score S] [--uncased|--cased-only] [--name-threshold T] [--windows-per-run W] [--max-tokens N] [--dump out.jsonl]");
            return 2;
        }

        var t = Array.IndexOf(args, "--threads");
        var threads = t >= 0 && t + 1 < args.Length && int.TryParse(args[t + 1], out var n) ? n : 2;
        var samples = PresidioResearchDataset.Load(args[i + 1]);
        var texts = samples.Select(s => s.Text).ToArray();
        var m = Array.IndexOf(args, "--model");
        var modelDirectory = m >= 0 && m + 1 < args.Length ? args[m + 1] : null;
        var c = Array.IndexOf(args, "--min-score");
        var minScore = c >= 0 && c + 1 < args.Length && double.TryParse(args[c + 1], System.Globalization.CultureInfo.InvariantCulture, out var ms)
            ? ms : NerSettings.DefaultMinScore;
        bool? skipLowerCase = args.Contains("--uncased") ? false : args.Contains("--cased-only") ? true : null;
        // --windows-per-run 4 evaluates the model as the tables engine runs it (NerSettings.BatchSize).
        var w = Array.IndexOf(args, "--windows-per-run");
        var windowsPerRun = w >= 0 && w + 1 < args.Length && int.TryParse(args[w + 1], out var wr) ? wr : NerSettings.Default.BatchSize;
        // --max-tokens sets the window length (NerSettings.MaxTokens) for texts longer than one window.
        var x = Array.IndexOf(args, "--max-tokens");
        var maxTokens = x >= 0 && x + 1 < args.Length && int.TryParse(args[x + 1], out var mt) ? mt : NerSettings.Default.MaxTokens;
        using var ner = NerRecognizer.Create(new NerSettings(ModelDirectory: modelDirectory, IntraOpThreads: threads, CacheCapacity: 0,
            MinScore: minScore, SkipTextsWithoutCapitals: skipLowerCase, BatchSize: windowsPerRun, MaxTokens: maxTokens));
        var gazetteer = new GazetteerRecognizer(Gazetteer.Load(Path.Combine(ner.Model.Directory, "gazetteer")), besideModel: true);

        Report("NER model alone (raw spans)", samples, texts, batch => Raw(ner, batch));
        Report("gazetteer alone (raw spans)", samples, texts, batch => batch.Select(x => Single(gazetteer, x)).ToArray());
        // The product's built-in configuration (thresholds, context words), so these figures are `piiorleans eval`'s.
        var options = AnalyzerOptionsFactory.FromSettings(PiiOrleans.Pii.Configuration.PiiSettings.Default);
        var th = Array.IndexOf(args, "--name-threshold");
        if (th >= 0 && th + 1 < args.Length && double.TryParse(args[th + 1], System.Globalization.CultureInfo.InvariantCulture, out var nameThreshold))
        {
            var entities = options.Entities.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
            foreach (var name in NameEntities)
            {
                entities[name] = (entities.GetValueOrDefault(name) ?? new EntityDetectionSettings()) with { Threshold = nameThreshold };
            }

            options = options with { Entities = entities };
        }

        var registry = RecognizerRegistry.CreateDefault(options).Add(ner).Add(gazetteer);
        var engine = new AnalyzerEngine(registry, options);
        Report("analyzer: patterns + NER + gazetteer (thresholds, overlaps resolved)", samples, texts, batch => engine.AnalyzeBatch(batch).ToArray());
        var d = Array.IndexOf(args, "--dump");
        if (d >= 0 && d + 1 < args.Length)
        {
            Dump(args[d + 1], samples, texts, engine);
        }

        return 0;
    }

    private static void Report(string title, IReadOnlyList<LabelledSample> samples, string[] texts, Func<string[], IReadOnlyList<List<RecognizerResult>>> analyze)
    {
        var sw = Stopwatch.StartNew();
        var byText = new Dictionary<string, IReadOnlyList<RecognizerResult>>(StringComparer.Ordinal);
        for (var b = 0; b < texts.Length; b += 256)
        {
            var batch = texts.AsSpan(b, Math.Min(256, texts.Length - b)).ToArray();
            var results = analyze(batch);
            for (var k = 0; k < batch.Length; k++)
            {
                byText[batch[k]] = results[k];
            }
        }

        sw.Stop();
        var report = SpanEvaluator.Evaluate(samples, x => byText[x], NameEntities);
        Console.WriteLine($"== {title}: {texts.Length} texts in {sw.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine(report.RenderTable());
    }

    // One JSON line per sample: text, gold spans and the analyzer's spans (all entities), for error analysis.
    private static void Dump(string path, IReadOnlyList<LabelledSample> samples, string[] texts, AnalyzerEngine engine)
    {
        var predicted = engine.AnalyzeBatch(texts).ToArray();
        using var writer = new StreamWriter(path);
        for (var k = 0; k < samples.Count; k++)
        {
            var gold = samples[k].Spans.Select(g => new { type = g.EntityType, start = g.Start, end = g.End });
            var pred = predicted[k].Select(r => new { type = EntityLabelMap.Map(r.EntityType) ?? r.EntityType, start = r.Start, end = r.End, score = r.Score, by = r.Recognizer });
            writer.WriteLine(System.Text.Json.JsonSerializer.Serialize(new { text = samples[k].Text, gold, pred }));
        }

        Console.WriteLine($"wrote {samples.Count} lines to {path}");
    }

    private static List<RecognizerResult>[] Raw(NerRecognizer ner, string[] batch)
    {
        var results = batch.Select(_ => new List<RecognizerResult>()).ToArray();
        ner.AnalyzeBatch(batch, RecognitionRequest.Default, results);
        return results;
    }

    private static List<RecognizerResult> Single(IEntityRecognizer recognizer, string text)
    {
        var results = new List<RecognizerResult>();
        recognizer.Analyze(text, RecognitionRequest.Default, results);
        return results;
    }
}
