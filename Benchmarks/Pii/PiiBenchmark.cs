using System.Diagnostics;
using Bogus;
using PiiOrleans.Pii.Detection;
using PiiOrleans.Pii.Detection.Profiling;

namespace PiiOrleans.Benchmarks.Pii;

/// <summary>
/// Analyzer throughput with the pattern recognizers: short texts/s (1–2 generated sentences, some with PII) and structured
/// cell values/s (cells analysed with their column name as context after column profiling), one thread and all cores.
/// Usage: <c>pii [--texts N] [--rows N]</c>.
/// </summary>
public static class PiiBenchmark
{
    /// <summary>Runs the benchmark and prints the numbers.</summary>
    public static Task<int> RunAsync(string[] args)
    {
        int textCount = ReadOption(args, "--texts", 200_000);
        int rows = ReadOption(args, "--rows", 50_000);
        var engine = AnalyzerEngine.Create();
        var texts = ShortTexts(textCount);
        var (columns, cells) = Table(rows);

        Console.WriteLine($"cores: {Environment.ProcessorCount}; recognizers: {engine.Recognizers.Count}");
        Measure("short texts, 1 thread", texts.Length, () => { foreach (var t in texts) engine.Analyze(t); });
        Measure("short texts, all cores", texts.Length, () => Parallel.ForEach(texts, t => engine.Analyze(t)));

        var profiler = new ColumnProfiler(engine);
        var sw = Stopwatch.StartNew();
        var profiles = columns.Select((c, i) => profiler.Profile(c, cells.Take(200).Select(r => (string?)r[i]).ToList())).ToArray();
        Console.WriteLine($"profiled {columns.Length} columns in {sw.Elapsed.TotalMilliseconds:F0} ms: " +
                          string.Join(", ", profiles.Select(p => $"{p.ColumnName}={p.Entity ?? p.Kind.ToString()}")));
        var requests = columns.Select(c => new RecognitionRequest(ColumnName: c)).ToArray();
        int values = cells.Count * columns.Length;
        Measure("structured values, 1 thread", values, () => { foreach (var row in cells) AnalyzeRow(engine, requests, row); });
        Measure("structured values, all cores", values, () => Parallel.ForEach(cells, row => AnalyzeRow(engine, requests, row)));
        return Task.FromResult(0);
    }

    private static void AnalyzeRow(AnalyzerEngine engine, RecognitionRequest[] requests, string[] row)
    {
        for (int i = 0; i < row.Length; i++) engine.Analyze(row[i], requests[i]);
    }

    private static void Measure(string label, int items, Action run)
    {
        run(); // warm-up: JIT, regex construction
        var sw = Stopwatch.StartNew();
        run();
        sw.Stop();
        Console.WriteLine($"{label,-30} {items / sw.Elapsed.TotalSeconds,12:N0} /s  ({items:N0} in {sw.Elapsed.TotalMilliseconds:N0} ms)");
    }

    private static string[] ShortTexts(int count)
    {
        Randomizer.Seed = new Random(42);
        var f = new Faker("en");
        var texts = new string[count];
        for (int i = 0; i < count; i++)
        {
            texts[i] = (i % 5) switch
            {
                0 => $"{f.Name.FullName()} can be reached at {f.Internet.Email()} or {f.Phone.PhoneNumber("###-###-####")}.",
                1 => f.Lorem.Sentence(10) + " " + f.Lorem.Sentence(6),
                2 => $"Please ship it to {f.Address.StreetAddress()}, {f.Address.City()} by {f.Date.Past():MMMM d, yyyy}.",
                3 => $"My card {f.Finance.CreditCardNumber()} was charged ${f.Finance.Amount(5, 900)} yesterday.",
                _ => $"Visit https://{f.Internet.DomainName()}/about or call our office, we reply within {f.Random.Int(1, 48)} hours.",
            };
        }
        return texts;
    }

    private static (string[] Columns, List<string[]> Rows) Table(int rows)
    {
        Randomizer.Seed = new Random(7);
        var f = new Faker("en");
        string[] columns = ["name", "email", "phone_number", "address", "city", "date_of_birth", "notes", "status"];
        var list = new List<string[]>(rows);
        for (int i = 0; i < rows; i++)
        {
            list.Add(
            [
                f.Name.FullName(), f.Internet.Email(), f.Phone.PhoneNumber("(###) ###-####"), f.Address.StreetAddress(), f.Address.City(),
                f.Date.Past(60).ToString("yyyy-MM-dd"), f.Lorem.Sentence(8), f.PickRandom("active", "closed", "pending"),
            ]);
        }
        return (columns, list);
    }

    private static int ReadOption(string[] args, string name, int fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out int v) && v > 0 ? v : fallback;
    }
}
