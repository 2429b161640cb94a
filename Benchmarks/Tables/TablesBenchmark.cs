using System.Diagnostics;
using System.Globalization;
using Bogus;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using PiiOrleans.Grains.Interfaces.Jobs;
using PiiOrleans.Grains.Jobs;
using PiiOrleans.Grains.Tables;
using PiiOrleans.Tables;
using Detection = PiiOrleans.Pii.Detection;

namespace PiiOrleans.Benchmarks.Tables;

/// <summary>
/// <c>tables [--rows N] [--config FILE] [--batch-size N] [--max-in-flight N] [--dir DIR] [--reuse] [--profile] [--dump FILE]</c>: generates an N-row database shaped like
/// vana-dummy-data (Bogus identities, free-text bios), runs the tables pipeline through the grain runtime, and prints
/// rows/s, MB/s, peak RSS and the ratio to a raw SQLite copy (INSERT INTO … SELECT through ATTACH) of the same file.
/// </summary>
public static class TablesBenchmark
{
    private const string Schema = """
        CREATE TABLE users (
            user_id VARCHAR NOT NULL, email VARCHAR NOT NULL, name VARCHAR NOT NULL, phone_number VARCHAR, address VARCHAR,
            ssn VARCHAR, credit_card VARCHAR, date_of_birth DATE, bio TEXT, locale VARCHAR NOT NULL, created_at DATETIME NOT NULL,
            PRIMARY KEY (user_id), UNIQUE (email))
        """;

    /// <summary>Runs the benchmark.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var rows = Option(args, "--rows", 100_000);
        var batchSize = Option(args, "--batch-size", 1000);
        var config = OptionText(args, "--config");
        var directory = OptionText(args, "--dir") ?? Path.Combine(Path.GetTempPath(), "piiorleans-tables-bench");
        Directory.CreateDirectory(directory);
        var input = Path.Combine(directory, "input.db");
        var output = Path.Combine(directory, "out");

        if (OptionText(args, "--dump") is { } dump)
        {
            // Detections of a fixed corpus, to compare two builds result by result (skipping logic must not change them).
            DumpDetections(dump, input, config);
            return 0;
        }

        var generate = Stopwatch.StartNew();
        if (args.Contains("--reuse") && File.Exists(input) && CountRows(input) == rows)
        {
            // Reusing the input keeps Bogus' allocations out of the pipeline's peak RSS (and saves minutes on big runs).
            Console.WriteLine("reusing " + input);
        }
        else
        {
            Generate(input, rows);
        }

        var megabytes = new FileInfo(input).Length / 1024.0 / 1024.0;
        Console.WriteLine(Invariant($"generated {rows:N0} rows ({megabytes:N1} MB) in {generate.Elapsed.TotalSeconds:N1} s"));

        if (args.Contains("--profile"))
        {
            ProfileColumns(input, config);
        }

        var raw = RawCopy(input, Path.Combine(directory, "raw-copy.db"));
        Console.WriteLine(Invariant($"raw copy:  {raw:N2} s  {rows / raw:N0} rows/s  {megabytes / raw:N1} MB/s"));

        var (seconds, exitCode) = await RunPipelineAsync(input, output, config, batchSize, OptionText(args, "--max-in-flight") is { } inFlight ? int.Parse(inFlight, CultureInfo.InvariantCulture) : null);
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0;
        Console.WriteLine(Invariant($"pipeline:  {seconds:N2} s  {rows / seconds:N0} rows/s  {megabytes / seconds:N1} MB/s  exit {exitCode}"));
        Console.WriteLine(Invariant($"ratio to raw copy: {raw / seconds * 100:N1} %   peak RSS (whole process): {peak:N0} MB"));
        return exitCode;
    }

    private static async Task<(double Seconds, int ExitCode)> RunPipelineAsync(string input, string output, string? config, int batchSize, int? maxInFlight)
    {
        using var host = await BenchmarkSilo.StartAsync(s => s.AddTablesPipeline());
        var runner = host.Services.GetRequiredService<TablesJobRunner>();
        var parameters = new TablesJobParameters(input, output, config, false, batchSize, maxInFlight);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var kernel = Process.GetCurrentProcess().PrivilegedProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes();
        int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
        Console.WriteLine(Invariant($"RSS before the pipeline: {Process.GetCurrentProcess().WorkingSet64 / 1024.0 / 1024.0:N0} MB"));
        var stopwatch = Stopwatch.StartNew();
        var outcome = await runner.RunAsync(new ConsoleJobContext(host.Services.GetRequiredService<IGrainFactory>()),
            System.Text.Json.JsonSerializer.SerializeToElement(parameters.ToJsonObject()), CancellationToken.None);
        var seconds = stopwatch.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var kernelSeconds = (Process.GetCurrentProcess().PrivilegedProcessorTime - kernel).TotalSeconds;
        var gc = GC.GetGCMemoryInfo();
        Console.WriteLine(Invariant($"allocated {(GC.GetTotalAllocatedBytes() - allocated) / 1048576.0:N0} MB during the pipeline; collections gen0 {GC.CollectionCount(0) - gen0}, gen1 {GC.CollectionCount(1) - gen1}, gen2 {GC.CollectionCount(2) - gen2}; GC pause {GC.GetTotalPauseDuration().TotalSeconds:N2} s in the process"));
        Console.WriteLine(Invariant($"GC: heap {gc.HeapSizeBytes / 1048576.0:N0} MB, committed {gc.TotalCommittedBytes / 1048576.0:N0} MB, gen2 collections {GC.CollectionCount(2)}, live after a full collection {GC.GetTotalMemory(true) / 1048576.0:N0} MB"));
        Console.WriteLine(Invariant($"pipeline CPU time: {cpuSeconds:N2} s ({kernelSeconds:N2} s in the kernel) over {seconds:N2} s wall ({cpuSeconds / seconds:N2} cores busy on average)"));
        if (outcome.ExitCode != 0 && outcome.Result.TryGetProperty("error", out var error))
        {
            Console.WriteLine("error: " + error.GetString());
        }

        await host.StopAsync();
        return (seconds, outcome.ExitCode);
    }

    // Time per column of the engine alone (single thread), to see where the pipeline's time goes.
    private static void ProfileColumns(string input, string? config)
    {
        var anonymizer = new PiiTablesEngineFactory().Create(TablesEngineSpec.FromFile(config, input)).Anonymizer;
        using var connection = new SqliteConnection($"Data Source={input};Pooling=False;Mode=ReadOnly");
        connection.Open();
        var shape = DatabaseSchema.ReadTableShape(connection, "users");
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM users LIMIT 5000";
        var rows = new List<string[]>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
            }
        }

        // Per column: time and managed allocation per value, second of two passes (the first one warms the JIT up).
        (double Micros, double Bytes) Measure(Action<string[]> run)
        {
            (double, double) result = default;
            var warm = Stopwatch.StartNew();
            for (var pass = 0; pass < 2 || warm.ElapsedMilliseconds < 500; pass++)
            {
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                var stopwatch = Stopwatch.StartNew();
                foreach (var row in rows)
                {
                    run(row);
                }

                result = (stopwatch.Elapsed.TotalMilliseconds * 1000 / rows.Count, (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)rows.Count);
            }

            return result;
        }

        for (var c = 0; c < shape.Columns.Length; c++)
        {
            var plan = anonymizer.PlanColumn("users", c, shape.Columns[c], [.. rows.Take(100).Select(r => r[c])]);
            if (plan.Treatment == PiiOrleans.Tables.ColumnTreatment.PassThrough)
            {
                Console.WriteLine(Invariant($"  {shape.Columns[c].Name,-14} {plan.Treatment,-10} (copied)"));
                continue;
            }

            var column = c;
            var (micros, bytes) = Measure(row => anonymizer.Anonymize(row[column], plan));
            Console.WriteLine(Invariant($"  {shape.Columns[c].Name,-14} {plan.Treatment,-10} {micros,8:N2} µs/value {bytes,8:N0} B/value"));
        }

        // The e-mail column under its UNIQUE constraint gets consistent pseudonyms from the on-disk store, as in the pipeline.
        var email = Array.FindIndex(shape.Columns.ToArray(), x => x.Name == "email");
        if (email >= 0)
        {
            var storePath = Path.Combine(Path.GetDirectoryName(input)!, ".profile-pseudonyms.tmp");
            using var store = new SqlitePseudonymStore(storePath, 16);
            var pseudonymizer = new PiiTablesEngineFactory().Create(TablesEngineSpec.FromFile(config, input), store).Anonymizer;
            var plan = pseudonymizer.PlanColumn("users", email, shape.Columns[email], [.. rows.Take(100).Select(r => r[email])]) with { CollisionFree = true };
            var seen = 0;

            // Each pass pseudonymizes new values (a prefix per pass), as the pipeline meets new e-mails.
            var (micros, bytes) = Measure(row => pseudonymizer.Anonymize((seen++ / rows.Count) + row[email], plan));
            Console.WriteLine(Invariant($"  {"email",-14} {"pseudonym",-10} {micros,8:N2} µs/value {bytes,8:N0} B/value (new values, on-disk store)"));
        }

        // The table copier alone on this thread (no grains, no parallelism): once copying rows unchanged (reading and
        // writing), once anonymizing them with the batch anonymizer, as a batch worker does.
        foreach (var anonymize in new[] { false, true })
        {
            using var copyStore = new SqlitePseudonymStore(Path.Combine(Path.GetDirectoryName(input)!, ".profile-copy-pseudonyms.tmp"));
            var setupForCopy = new PiiTablesEngineFactory().Create(TablesEngineSpec.FromFile(config, input), copyStore);
            var outputPath = Path.Combine(Path.GetDirectoryName(input)!, "profile-copy.db");
            File.Delete(outputPath);
            using (var output = new SqliteConnection($"Data Source={outputPath};Pooling=False"))
            {
                output.Open();
                using var create = output.CreateCommand();
                create.CommandText = Schema;
                create.ExecuteNonQuery();
            }

            var batches = new BatchAnonymizer(setupForCopy.Anonymizer);
            var work = new PiiOrleans.Tables.TableWork("profile", "users", input, outputPath, 1000, 1, 1000, 50_000, TablesEngineSpec.FromFile(config, input));
            var open = Stopwatch.StartNew();
            using var copier = TableCopier.Open(work, setupForCopy.Anonymizer, batch => Task.FromResult(anonymize
                ? batches.ProcessExceptPseudonyms(batch)
                : new PiiOrleans.Tables.TableBatchResult(batch.Sequence, batch.Rows,
                    PiiOrleans.Tables.BatchStatistics.Empty(batch.Columns.Length))),
                (batch, partial) => Task.FromResult(anonymize ? batches.ProcessPseudonyms(batch, partial) : partial));
            Console.WriteLine(Invariant($"  copier open (column plans, collision probe) {open.Elapsed.TotalSeconds:N2} s"));
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            PiiOrleans.Tables.TableProgress progress;
            do
            {
                progress = copier.ProcessNextAsync().GetAwaiter().GetResult();
            }
            while (!progress.Done);

            var rowsCopied = progress.RowsWritten;
            var cpuPerRow = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds * 1000 / rowsCopied;
            var bytesPerRow = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)rowsCopied;
            Console.WriteLine(Invariant(
                $"  copier {(anonymize ? "anonymizing" : "unchanged"),-12} {stopwatch.Elapsed.TotalMilliseconds * 1000 / rowsCopied,8:N2} µs/row {cpuPerRow,8:N2} µs CPU/row {bytesPerRow,8:N0} B/row (this thread)"));
        }

        // The free-text column per configured recognizer (skipped where the text's traits rule it out, as in the engine),
        // then the whole analysis (recognizers + context + overlap) and the whole anonymization, single-threaded.
        var bio = Array.FindIndex(shape.Columns.ToArray(), x => x.Name == "bio");
        if (bio >= 0)
        {
            var texts = rows.Select(r => r[bio]).ToArray();
            var settings = PiiOrleans.Pii.Configuration.PiiSettingsLoader.LoadOrDefault(config);
            var analyzer = new Detection.AnalyzerEngine(
                Detection.RecognizerRegistry.CreateDefault(Detection.AnalyzerOptionsFactory.FromSettings(settings)),
                Detection.AnalyzerOptionsFactory.FromSettings(settings));
            var request = new Detection.RecognitionRequest(settings.EnabledEntityTypes.ToHashSet(StringComparer.Ordinal), "bio");
            var results = new List<Detection.RecognizerResult>();
            var engine = new PiiOrleans.Pii.Engine.PiiEngine(settings, new PiiOrleans.Pii.Engine.AnalyzerEngineAdapter(analyzer), null, new PiiOrleans.Pii.Engine.PiiEngineOptions(CacheCapacity: 16, MaxCachedTextLength: 0));

            // Tiered compilation: a second of warm-up, so the figures are those of optimized code, as in a long run.
            var warm = Stopwatch.StartNew();
            while (warm.ElapsedMilliseconds < 1500)
            {
                foreach (var text in texts.Take(500))
                {
                    results.Clear();
                    analyzer.Analyze(text, request, results);
                    engine.Anonymize(text, "bio");
                }
            }

            double sum = 0;
            foreach (var recognizer in analyzer.Recognizers)
            {
                var pattern = recognizer as Detection.PatternRecognizer;
                var stopwatch = Stopwatch.StartNew();
                for (var pass = 0; pass < 2; pass++)
                {
                    foreach (var text in texts)
                    {
                        results.Clear();
                        if (pattern is null)
                        {
                            recognizer.Analyze(text, request, results);
                        }
                        else
                        {
                            pattern.Analyze(text, Detection.TextTraitsScanner.Scan(text), request, results);
                        }
                    }
                }

                var micros = stopwatch.Elapsed.TotalMilliseconds * 1000 / (2 * texts.Length);
                sum += micros;
                Console.WriteLine(Invariant($"    bio {recognizer.Name,-40} {micros,8:N2} µs/value"));
            }

            Console.WriteLine(Invariant($"    bio {"sum of the recognizers",-40} {sum,8:N2} µs/value (each with its own traits scan)"));
            var scan = Stopwatch.StartNew();
            var any = 0;
            for (var pass = 0; pass < 2; pass++)
            {
                foreach (var text in texts)
                {
                    any |= (int)Detection.TextTraitsScanner.Scan(text);
                }
            }

            Console.WriteLine(Invariant($"    bio {"traits scan",-40} {scan.Elapsed.TotalMilliseconds * 1000 / (2 * texts.Length),8:N2} µs/value ({any:X})"));
            var analyse = Stopwatch.StartNew();
            for (var pass = 0; pass < 2; pass++)
            {
                foreach (var text in texts)
                {
                    results.Clear();
                    analyzer.Analyze(text, request, results);
                }
            }

            Console.WriteLine(Invariant($"    bio {"analysis (with context, overlaps)",-40} {analyse.Elapsed.TotalMilliseconds * 1000 / (2 * texts.Length),8:N2} µs/value"));
            var anonymize = Stopwatch.StartNew();
            for (var pass = 0; pass < 2; pass++)
            {
                foreach (var text in texts)
                {
                    engine.Anonymize(text, "bio");
                }
            }

            Console.WriteLine(Invariant($"    bio {"anonymization (engine, uncached)",-40} {anonymize.Elapsed.TotalMilliseconds * 1000 / (2 * texts.Length),8:N2} µs/value"));
        }
    }

    private static void DumpDetections(string path, string input, string? config)
    {
        var texts = new List<string>();
        using (var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText("/work/shared/data/presidio-generated-large.json")))
        {
            texts.AddRange(json.RootElement.EnumerateArray().Select(e => e.GetProperty("full_text").GetString()!));
        }

        if (File.Exists(input))
        {
            using var connection = new SqliteConnection($"Data Source={input};Pooling=False;Mode=ReadOnly");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT bio, address, phone_number, email FROM users LIMIT 20000";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                texts.Add(reader.GetString(0));
                texts.Add(reader.GetString(1) + " / " + reader.GetString(2) + " :: " + reader.GetString(3));
            }
        }

        // Random strings over the characters the recognizers and the skip logic care about (digits of other scripts,
        // odd separators and spaces included).
        string[] pieces = ["0", "1", "4", "5", "9", "12", "123", "4111", "2024", ".", "-", " ", "  ", "/", ":", "::", "://", "@", "a", "Z", "K", "\u212A",
            "\u0663", "\u00A0", "\t", "x", "fe80", "www", ".com", ".org", "http", "https", "box", "P.O. Box", "Main St", "Straße", "Rue de la",
            "SW1A", "K1A", ".example.", "e-mail", "ssn", "card", "phone", "(555)", "+44", "ext", "Apt", ", NY ", "_", "#", "'", "é", "ß",
            "Jan", "march", "MAY", "Sept", "3rd", "of", "1985-", "03", "/29/", "12:30", "pm", "a.m.", ",", "born", "date"];
        var random = new Random(4);
        for (var i = 0; i < 60_000; i++)
        {
            var text = new System.Text.StringBuilder();
            var n = random.Next(1, 24);
            for (var k = 0; k < n; k++)
            {
                text.Append(pieces[random.Next(pieces.Length)]);
            }

            texts.Add(text.ToString());
        }

        var engines = new[]
        {
            Detection.AnalyzerEngine.Create(),
            Detection.AnalyzerEngine.Create(PiiOrleans.Pii.Configuration.PiiSettingsLoader.LoadOrDefault(config)),
        };
        using var writer = new StreamWriter(path);
        for (var e = 0; e < engines.Length; e++)
        {
            for (var t = 0; t < texts.Count; t++)
            {
                foreach (var r in engines[e].Analyze(texts[t]))
                {
                    writer.WriteLine(Invariant($"{e}\t{t}\t{r.EntityType}\t{r.Start}\t{r.End}\t{r.Score:R}\t{r.Recognizer}"));
                }
            }
        }

        Console.WriteLine(Invariant($"{texts.Count:N0} texts dumped to {path}"));
    }

    private static long CountRows(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False;Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM users";
        return (long)command.ExecuteScalar()!;
    }

    private static double RawCopy(string input, string copy)
    {
        File.Delete(copy);
        using var connection = new SqliteConnection($"Data Source={copy};Pooling=False");
        connection.Open();
        var stopwatch = Stopwatch.StartNew();
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA journal_mode=MEMORY; PRAGMA synchronous=OFF; ATTACH DATABASE '{input.Replace("'", "''", StringComparison.Ordinal)}' AS src; " +
                              $"BEGIN; {Schema}; INSERT INTO main.users SELECT * FROM src.users; COMMIT;";
        command.ExecuteNonQuery();
        return stopwatch.Elapsed.TotalSeconds;
    }

    internal static void Generate(string path, int rows)
    {
        File.Delete(path);
        Randomizer.Seed = new Random(20240401);
        var faker = new Faker("en");
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using (var schema = connection.CreateCommand())
        {
            schema.CommandText = "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; " + Schema;
            schema.ExecuteNonQuery();
        }

        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO users VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)";
        var p = Enumerable.Range(1, 11).Select(i => insert.Parameters.Add("$" + i, SqliteType.Text)).ToArray();
        string[] locales = ["en_US", "en_GB", "fr_FR", "de_DE", "es_ES", "it_IT", "pt_BR", "nl_NL", "ru_RU", "ja_JP"];
        for (var i = 0; i < rows; i++)
        {
            var first = faker.Name.FirstName();
            var last = faker.Name.LastName();
            var email = $"{first}.{last}.{i}@{faker.Internet.DomainName()}".ToLowerInvariant();
            var phone = faker.Phone.PhoneNumber("###-###-####");
            var city = faker.Address.City();
            var address = $"{faker.Address.BuildingNumber()} {faker.Address.StreetName()}, {city}, {faker.Address.StateAbbr()} {faker.Address.ZipCode("#####")}";
            var ssn = $"{faker.Random.Int(100, 665):000}-{faker.Random.Int(1, 99):00}-{faker.Random.Int(1, 9999):0000}";
            var card = faker.Finance.CreditCardNumber(Bogus.DataSets.CardType.Visa);
            var birth = faker.Date.Past(50, new DateTime(2005, 1, 1)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var bio = faker.Random.Int(0, 3) switch
            {
                0 => $"{first} {last} is a {faker.Name.JobTitle().ToLowerInvariant()} living in {city}. Reach {first} at {email} or {phone}.",
                1 => $"{first} works for {faker.Company.CompanyName()} and lives in {city}. Website: https://{faker.Internet.DomainWord()}.example.com",
                2 => $"{faker.Lorem.Sentence(8)} Contact: {email}. {faker.Lorem.Sentence(6)}",
                _ => $"{first} {last} from {city}, SSN {ssn}. IP address: {faker.Internet.Ip()}. {faker.Lorem.Sentence(5)}",
            };
            string[] values = [$"u{i:0000000}", email, $"{first} {last}", phone, address, ssn, card, birth, bio, locales[i % locales.Length],
                new DateTime(2024, 4, 1).AddSeconds(i * 37).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)];
            for (var c = 0; c < values.Length; c++)
            {
                p[c].Value = values[c];
            }

            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static int Option(string[] args, string name, int fallback) =>
        OptionText(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static string? OptionText(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed class ConsoleJobContext(IGrainFactory grainFactory) : IJobContext
    {
        public string JobId => "bench";

        public IGrainFactory GrainFactory => grainFactory;

        public void ReportProgress(string scope, object data)
        {
        }

        public void IncrementCounter(string name, long delta = 1)
        {
        }

        public void Warn(string code, string message) => Console.WriteLine($"warning {code}: {message}");

        public Task<IReadOnlyDictionary<string, string>> AskAsync(IReadOnlyList<JobQuestion> questions, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
