using System.Diagnostics;
using Bogus;
using PiiOrleans.Pii.Detection;
using PiiOrleans.Pii.Detection.Ner;

namespace PiiOrleans.Benchmarks.Ner;

/// <summary>
/// <c>benchmarks ner [--sentences N] [--batch B] [--threads T] [--model DIR]</c>: NER sentences/s over generated, all-distinct
/// sentences (cache off), plus the gazetteer recognizer's rate on the same text.
/// </summary>
public static class NerBenchmark
{
    /// <summary>Runs the benchmark and prints one line per measurement; returns the process exit code.</summary>
    public static int Run(string[] args)
    {
        var sentences = Option(args, "--sentences", 4000);
        var batch = Option(args, "--batch", 16);
        var threads = Option(args, "--threads", 2);
        var m = Array.IndexOf(args, "--model");
        var model = m >= 0 && m + 1 < args.Length ? args[m + 1] : null;
        var texts = Generate(sentences, seed: 42);

        using var recognizer = NerRecognizer.Create(new NerSettings(ModelDirectory: model, IntraOpThreads: threads, BatchSize: batch, CacheCapacity: 0));
        var request = RecognitionRequest.Default;
        Measure(recognizer, texts.Take(Math.Min(200, texts.Length)).ToArray(), batch, request); // warm-up
        var (seconds, found) = Measure(recognizer, texts, batch, request);
        Console.WriteLine($"ner: {texts.Length} sentences, batch {batch}, {threads} threads: {texts.Length / seconds:F0} sentences/s ({found} entities, {seconds:F2} s)");

        var gazetteer = new GazetteerRecognizer(Gazetteer.Load(Path.Combine(recognizer.Model.Directory, "gazetteer")), besideModel: true);
        var sw = Stopwatch.StartNew();
        var gazetteerFound = 0;
        var results = new List<RecognizerResult>();
        foreach (var t in texts)
        {
            results.Clear();
            gazetteer.Analyze(t, request, results);
            gazetteerFound += results.Count;
        }

        sw.Stop();
        Console.WriteLine($"gazetteer: {texts.Length / sw.Elapsed.TotalSeconds:F0} sentences/s ({gazetteerFound} entities)");
        return 0;
    }

    private static (double Seconds, int Found) Measure(NerRecognizer recognizer, string[] texts, int batch, RecognitionRequest request)
    {
        var found = 0;
        var sw = Stopwatch.StartNew();
        // The analyzer hands the recognizer a larger block (a table batch); the recognizer batches by length inside it.
        const int block = 256;
        for (var i = 0; i < texts.Length; i += block)
        {
            var slice = texts.AsSpan(i, Math.Min(block, texts.Length - i)).ToArray();
            var results = slice.Select(_ => new List<RecognizerResult>()).ToArray();
            recognizer.AnalyzeBatch(slice, request, results);
            found += results.Sum(r => r.Count);
        }

        sw.Stop();
        return (sw.Elapsed.TotalSeconds, found);
    }

    /// <summary>Distinct sentences of the kinds the product sees: short notes, bios, addresses in prose.</summary>
    public static string[] Generate(int count, int seed)
    {
        Randomizer.Seed = new Random(seed);
        var f = new Faker("en");
        var shapes = new Func<string>[]
        {
            () => $"{f.Name.FullName()} lives in {f.Address.City()}, {f.Address.Country()}.",
            () => $"Customer {f.Name.FirstName()} called about order {f.Random.Number(10000, 99999)} and asked for a refund.",
            () => $"{f.Name.FullName()} works as a {f.Name.JobTitle()} at {f.Company.CompanyName()} in {f.Address.City()}.",
            () => $"Please send the documents to {f.Name.FirstName()} before {f.Date.Weekday()}.",
            () => $"The meeting with {f.Name.FullName()} from {f.Company.CompanyName()} was moved to next week because of the weather in {f.Address.State()}.",
            () => $"{f.Lorem.Sentence(8)} {f.Name.FirstName()} will follow up.",
        };
        var texts = new string[count];
        for (var i = 0; i < count; i++)
        {
            texts[i] = shapes[i % shapes.Length]() + (i % 7 == 0 ? " #" + i : "");
        }

        return texts;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
    }
}
