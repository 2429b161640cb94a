using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using PiiOrleans.Grains.Interfaces.Jobs;
using PiiOrleans.Grains.Interfaces.Tracks;
using PiiOrleans.Grains.Jobs;
using PiiOrleans.Grains.Tracks;
using PiiOrleans.Tracks;
using PiiOrleans.Tracks.Writing;

namespace PiiOrleans.Benchmarks.Tracks;

/// <summary>
/// <c>tracks [--dir DIR] [--unique-runs] [--keep]</c>: generates the spec §15.3 workload, runs a tracks job on an
/// in-process silo and prints wall time, files/s, MB/s and peak RSS.
/// </summary>
internal static class TracksBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        string? dir = null;
        bool unique = false;
        bool keep = false;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--dir" when i + 1 < args.Length:
                    dir = args[++i];
                    break;
                case "--unique-runs":
                    unique = true;
                    break;
                case "--keep":
                    keep = true;
                    break;
                default:
                    Console.Error.WriteLine("usage: tracks [--dir DIR] [--unique-runs] [--keep]");
                    return 2;
            }
        }

        string root = Path.Combine(dir ?? Path.GetTempPath(), "tracks-bench-" + Guid.NewGuid().ToString("N")[..8]);
        string input = Path.Combine(root, "in");
        try
        {
            var gen = Stopwatch.StartNew();
            var (files, bytes) = TracksWorkloadGenerator.Generate(input, unique);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"workload: {(unique ? "3000 unique runs, 2 lines per run file" : "200 teams x 5 runs x 3 tasks, 50 report lines per run")}: {files} files, {bytes / 1e6:F1} MB (generated in {gen.Elapsed.TotalSeconds:F1} s) under {root}"));

            using var host = await BenchmarkSilo.StartAsync(s => s.AddTracksPipeline());
            var grains = host.Services.GetRequiredService<IGrainFactory>();
            var parameters = new TracksJobParameters(input, Path.Combine(root, "out"), Path.Combine(root, "mapping.db"), Seed: 42,
                Policies: new Dictionary<string, string> { ["email"] = "drop_field", ["tsv_format"] = "detected" });
            var context = new BenchmarkJobContext(grains);
            var runner = new TracksJobRunner(new TrackRewriteSessions(), PiiOrleans.Grains.Security.JobDataRoots.Unrestricted);
            using var before = Process.GetCurrentProcess();
            var cpuBefore = before.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            var outcome = await runner.RunAsync(context, JsonSerializer.SerializeToElement(parameters, TracksJson.Options), CancellationToken.None);
            sw.Stop();
            var result = outcome.Result.Deserialize<TracksJobResult>(TracksJson.Options)!;
            double seconds = sw.Elapsed.TotalSeconds;
            using var self = Process.GetCurrentProcess();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"exit {outcome.ExitCode}; files written {result.Summary?.FilesProcessed}; lines {result.Summary?.LinesWritten}; teams {result.TeamsInMapping}; runs {result.RunsInMapping}; fingerprints {result.Summary?.Fingerprints}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"wall {seconds:F2} s; cpu {(self.TotalProcessorTime - cpuBefore).TotalSeconds:F2} s; {files / seconds:F0} files/s; {bytes / 1e6 / seconds:F1} MB/s; peak RSS {self.PeakWorkingSet64 / 1e6:F0} MB; processors {Environment.ProcessorCount}; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
            return outcome.ExitCode;
        }
        finally
        {
            if (!keep && Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    private sealed class BenchmarkJobContext(IGrainFactory factory) : IJobContext
    {
        public string JobId { get; } = "bench-" + Guid.NewGuid().ToString("N")[..8];

        public IGrainFactory GrainFactory => factory;

        public void ReportProgress(string scope, object data) => Console.WriteLine($"  {scope}: {JsonSerializer.Serialize(data)}");

        public void IncrementCounter(string name, long delta = 1)
        {
        }

        public void Warn(string code, string message) => Console.Error.WriteLine($"warning {code}: {message}");

        public Task<IReadOnlyDictionary<string, string>> AskAsync(IReadOnlyList<JobQuestion> questions, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());
    }
}
