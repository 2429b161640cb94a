using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using Orleans.Runtime;
using PiiOrleans.Benchmarks.Tables;
using PiiOrleans.Benchmarks.Tracks;
using PiiOrleans.Client.Connection;
using PiiOrleans.Grains.Interfaces.Jobs;
using PiiOrleans.Grains.Jobs;
using PiiOrleans.Silo.Hosting;
using PiiOrleans.Tracks;

namespace PiiOrleans.Benchmarks.Pool;

/// <summary>
/// <c>pool [--rows N] [--config FILE] [--silos 1,2,3] [--no-kill] [--no-tracks] [--dir DIR]</c>: the pool as deployed — a redis-server and
/// N silo processes (the build in Silo/bin) — running the N-row tables job (default 200,000) and the 6,003-file tracks
/// job, for each N, and once more on 3 silos with the job grain's silo killed (SIGKILL) at 50 %. Prints wall time,
/// rows/s or files/s, peak RSS per silo and the recovery time (kill to the job running again). Needs redis-server.
/// </summary>
internal static class PoolBenchmark
{
    private static readonly TimeSpan JobTimeout = TimeSpan.FromMinutes(30);

    public static async Task<int> RunAsync(string[] args)
    {
        var rows = int.Parse(Option(args, "--rows") ?? "200000", CultureInfo.InvariantCulture);
        var silos = (Option(args, "--silos") ?? "1,2,3").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var root = Path.GetFullPath(Option(args, "--dir") ?? Path.Combine(Path.GetTempPath(), "piiorleans-pool-bench"));
        Directory.CreateDirectory(root);
        var siloAssembly = SiloAssembly();

        var tablesInput = Path.Combine(root, $"users-{rows}.db");
        if (!File.Exists(tablesInput))
        {
            TablesBenchmark.Generate(tablesInput, rows);
        }

        var tracksInput = Path.Combine(root, "tracks-in");
        if (!Directory.Exists(tracksInput))
        {
            TracksWorkloadGenerator.Generate(tracksInput, uniqueRunsPerTask: false);
        }

        using var redis = RedisProcess.Start();
        await redis.WaitUntilReadyAsync();
        var runs = silos.Select(n => (Silos: n, Kill: false)).ToList();
        if (!args.Contains("--no-kill"))
        {
            runs.Add((Silos: silos.Max(), Kill: true));
        }

        var results = new List<string>();
        Console.WriteLine($"pool benchmark: {rows:N0} rows, tracks {(args.Contains("--no-tracks") ? "off" : "6,003 files")}, {Environment.ProcessorCount} cores, load {LoadAverage()}");
        foreach (var (count, kill) in runs)
        {
            results.Add(await RunTablesAsync(siloAssembly, redis.Url, root, tablesInput, Option(args, "--config"), rows, count, kill));
            Console.WriteLine(results[^1]);
            if (!args.Contains("--no-tracks"))
            {
                results.Add(await RunTracksAsync(siloAssembly, redis.Url, root, tracksInput, count, kill));
                Console.WriteLine(results[^1]);
            }
        }

        Console.WriteLine();
        Console.WriteLine("| job | silos | killed | wall s | throughput | recovery s | peak RSS per silo (MB) |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var line in results)
        {
            Console.WriteLine(line);
        }

        return 0;
    }

    private static async Task<string> RunTablesAsync(string siloAssembly, string redis, string root, string input, string? config, int rows, int count, bool kill)
    {
        var output = Path.Combine(root, $"tables-out-{count}{(kill ? "-kill" : "")}");
        var parameters = JsonSerializer.SerializeToElement(new Dictionary<string, object?>
        {
            ["input"] = input,
            ["output_dir"] = output,
            // The configuration must lie under the data root like every job path.
            ["config"] = config is null ? null : CopyInto(root, config),
        });
        var run = await RunJobAsync(siloAssembly, redis, root, count, kill, new JobSubmission("tables", parameters),
            status => status.Counters.GetValueOrDefault("rows") >= rows / 2);
        return Invariant($"| tables {rows:N0} rows | {count} | {(kill ? "yes" : "no")} | {run.Seconds:F1} | {rows / run.Seconds:F0} rows/s | {Recovery(run)} | {run.PeakRss} | {run.State}");
    }

    private static async Task<string> RunTracksAsync(string siloAssembly, string redis, string root, string input, int count, bool kill)
    {
        var name = $"tracks-{count}{(kill ? "-kill" : "")}";
        var output = Path.Combine(root, name + "-out");
        var mapping = Path.Combine(root, name + "-mapping.db");
        DeleteQuietly(output, mapping);
        var parameters = new TracksJobParameters(input, output, mapping, Seed: 42,
            Policies: new Dictionary<string, string> { ["email"] = "drop_field", ["tsv_format"] = "detected" });
        var files = Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories).Count();
        var run = await RunJobAsync(siloAssembly, redis, root, count, kill,
            new JobSubmission("tracks", JsonSerializer.SerializeToElement(parameters, TracksJson.Options)),
            status => status.Counters.GetValueOrDefault("files") >= files / 2);
        return Invariant($"| tracks {files:N0} files | {count} | {(kill ? "yes" : "no")} | {run.Seconds:F1} | {files / run.Seconds:F0} files/s | {Recovery(run)} | {run.PeakRss} | {run.State}");
    }

    private static string CopyInto(string root, string file)
    {
        var copy = Path.Combine(root, Path.GetFileName(file));
        if (!string.Equals(Path.GetFullPath(file), copy, StringComparison.Ordinal))
        {
            File.Copy(file, copy, overwrite: true);
        }

        return copy;
    }

    private static string Recovery(JobRun run) => run.RecoverySeconds is { } s ? Invariant($"{s:F1}") : "–";

    private static async Task<JobRun> RunJobAsync(string siloAssembly, string redis, string root, int count, bool kill, JobSubmission submission,
        Func<JobStatus, bool> halfway)
    {
        var clusterId = "bench-" + Guid.NewGuid().ToString("N")[..8];
        var members = Enumerable.Range(0, count).Select(_ => PoolSiloProcess.Start(siloAssembly, redis, clusterId, root)).ToList();
        try
        {
            await using var session = await ConnectAsync(redis, clusterId);
            var grains = session.Grains!;
            await WaitForActiveAsync(grains, count);
            var job = grains.GetGrain<IJobGrain>("bench-" + Guid.NewGuid().ToString("N")[..12]);
            var clock = Stopwatch.StartNew();
            await job.Start(submission);
            DateTimeOffset? killedAt = null;
            JobStatus status;
            while (true)
            {
                status = await PollAsync(job);
                members.ForEach(m => m.Sample());
                if (status.IsFinished || clock.Elapsed > JobTimeout)
                {
                    break;
                }

                if (kill && killedAt is null && halfway(status))
                {
                    var holder = await grains.GetGrain<IManagementGrain>(0).GetActivationAddress(job);
                    var victim = members.FirstOrDefault(m => m.IsRunning && holder is not null && m.SiloPort == holder.Endpoint.Port) ?? members[0];
                    killedAt = DateTimeOffset.UtcNow;
                    victim.Kill();
                }

                await Task.Delay(200);
            }

            var seconds = clock.Elapsed.TotalSeconds;
            double? recovery = null;
            if (killedAt is { } at)
            {
                var resumed = (await job.GetEvents(0, 100_000).WaitAsync(TimeSpan.FromSeconds(10)))
                    .FirstOrDefault(e => e.Kind == JobEventKinds.Warning && e.Time >= at && e.Data.GetProperty("code").GetString() == "job_resumed");
                recovery = resumed is null ? null : (resumed.Time - at).TotalSeconds;
            }

            var rss = string.Join(" / ", members.Select(m => Invariant($"{m.PeakMegabytes:F0}")));
            var detail = status.Result is { ValueKind: JsonValueKind.Object } result && result.TryGetProperty("error", out var error) ? " " + error.GetString() : "";
            return new JobRun(seconds, recovery, rss, status.State == JobState.Succeeded ? "" : $"{status.State}: {status.Error}{detail}");
        }
        finally
        {
            members.ForEach(m => m.Dispose());
        }
    }

    // A call through a gateway that died would wait for the 30 s response timeout: each poll gets 5 s.
    private static async Task<JobStatus> PollAsync(IJobGrain job)
    {
        while (true)
        {
            try
            {
                return await job.GetStatus().WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception e) when (SiloLoss.IsSiloLoss(e))
            {
                await Task.Delay(200);
            }
        }
    }

    private static async Task WaitForActiveAsync(IGrainFactory client, int count)
    {
        var clock = Stopwatch.StartNew();
        while ((await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Count < count)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new TimeoutException($"the pool did not reach {count} active silos");
            }

            await Task.Delay(200);
        }
    }

    private static async Task<SiloSession> ConnectAsync(string redis, string clusterId)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await SiloSession.ConnectPoolAsync(PoolCluster.Parse(redis)!, clusterId, CancellationToken.None);
            }
            catch (SiloUnreachableException) when (clock.Elapsed < TimeSpan.FromMinutes(2))
            {
                // The silos are still starting: no gateway registered yet.
                await Task.Delay(500);
            }
        }
    }

    private static string SiloAssembly()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PiiOrleans.sln")))
        {
            directory = directory.Parent;
        }

        var path = directory is null ? null : Path.Combine(directory.FullName, "Silo", "bin", "Release", "net10.0", "PiiOrleans.Silo.dll");
        return path is not null && File.Exists(path)
            ? path
            : throw new FileNotFoundException("Build the silo first: dotnet build Silo -c Release");
    }

    private static void DeleteQuietly(string directory, string file)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        File.Delete(file);
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record JobRun(double Seconds, double? RecoverySeconds, string PeakRss, string State);

    /// <summary>A private redis-server on a free loopback port (no persistence), killed on dispose.</summary>
    private sealed class RedisProcess(Process process, int port) : IDisposable
    {
        public string Url => $"redis://127.0.0.1:{port}";

        public static RedisProcess Start()
        {
            var executable = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists)
                ?? throw new FileNotFoundException("The pool benchmark needs redis-server: apt-get install -y redis-server");
            var port = FreePort.Next();
            var process = Process.Start(new ProcessStartInfo(executable, $"--port {port} --bind 127.0.0.1 --save \"\" --appendonly no")
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
            })!;
            process.OutputDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            return new RedisProcess(process, port);
        }

        public async Task WaitUntilReadyAsync()
        {
            for (var i = 0; i < 200; i++)
            {
                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync("127.0.0.1", port);
                    return;
                }
                catch (SocketException)
                {
                    await Task.Delay(50);
                }
            }

            throw new TimeoutException("redis-server did not start");
        }

        public void Dispose()
        {
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit(5_000);
            }

            process.Dispose();
        }
    }
}
