using System.Diagnostics;
using Orleans.Runtime;
using PiiOrleans.Client.Connection;
using PiiOrleans.Grains.Interfaces.Jobs;
using PiiOrleans.Grains.Interfaces.Tables;
using PiiOrleans.Grains.Jobs;
using PiiOrleans.Silo.Hosting;
using PiiOrleans.Tests.Grains;
using PiiOrleans.Tests.Hosting;
using PiiOrleans.Tests.Tables;
using Xunit.Abstractions;

namespace PiiOrleans.Tests.EndToEnd;

/// <summary>
/// The pool as it runs: three silo processes on a real redis-server (fresh cluster id), the console submitting a tables
/// job with <c>--cluster</c>, and one silo killed with SIGKILL mid-job — first the one holding the job grain, then
/// another one. Each time the console exits 0 and the output has the bytes of an undisturbed embedded run; the time
/// from the kill to the job running again is printed.
/// </summary>
public sealed class PoolKillEndToEndTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan JobTimeout = TimeSpan.FromMinutes(4);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "poolkill-" + Guid.NewGuid().ToString("N"));
    private readonly string _clusterId = "kill-" + Guid.NewGuid().ToString("N")[..8];
    private readonly List<SiloProcess> _silos = [];
    private RedisServer? _redis;
    private SiloSession? _session;

    private IGrainFactory Client => _session!.Grains!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        _redis = await RedisServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_session is not null)
        {
            await _session.DisposeAsync();
        }

        foreach (var silo in _silos)
        {
            silo.Dispose();
        }

        _redis?.Dispose();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task Kill_9_of_the_job_grain_silo_and_of_another_silo_mid_job_gives_the_bytes_of_an_undisturbed_run()
    {
        var input = Path.Combine(_root, "query_results.db");
        TablesCluster.CreateVanaDatabase(input);
        // Big enough that the job is still copying it while the test finds its grains and kills a silo.
        MultiSiloOutputTests.AddContactsTable(input, 50_000);
        var config = Path.Combine(_root, "config.json");
        File.Copy(TablesCluster.Fixture("vana-presidio-config.json"), config);
        string[] Tables(string outputDirectory) =>
            ["tables", "-i", input, "-o", outputDirectory, "-c", config, "--batch-size", "250"];

        var baselineOutput = Path.Combine(_root, "baseline");
        var baseline = await ClientRun.RunAsync(["--plain", .. Tables(baselineOutput)]);
        Assert.True(baseline.ExitCode == 0, baseline.Error);
        var expected = File.ReadAllBytes(Path.Combine(baselineOutput, "query_results.db"));

        for (var i = 0; i < 3; i++)
        {
            _silos.Add(SiloProcess.Start(_redis!.Url, _clusterId, _root));
        }

        _session = await ConnectAsync();
        await WaitForActiveSilosAsync(3);

        foreach (var killJobHolder in new[] { true, false })
        {
            var outputDirectory = Path.Combine(_root, killJobHolder ? "killed-job-holder" : "killed-other");
            var run = ClientRun.RunAsync(["--cluster", _redis!.Url, "--cluster-id", _clusterId, "--plain", .. Tables(outputDirectory)]);
            var (jobId, job) = await WaitForRunningContactsAsync(run);

            var jobHolder = await HolderAsync(job);
            var tableHolder = await HolderAsync(Client.GetGrain<ITableGrain>($"{jobId}/contacts"));
            var victim = killJobHolder
                ? _silos.Single(s => s.IsRunning && s.SiloPort == jobHolder.Endpoint.Port)
                : _silos.First(s => s.IsRunning && s.SiloPort != jobHolder.Endpoint.Port && (s.SiloPort == tableHolder.Endpoint.Port || tableHolder.Endpoint.Port == jobHolder.Endpoint.Port));
            var killedAt = DateTimeOffset.UtcNow;
            var sequenceAtKill = (await EventsAfterAsync(job, 0)).LastOrDefault()?.Sequence ?? 0;
            var stateAtKill = (await SiloLossRetry.RunAsync(() => job.GetStatus())).State;
            victim.Kill();

            var finished = await run.WaitAsync(JobTimeout);
            Assert.True(finished.ExitCode == 0, finished.Output + finished.Error + SiloLogs());
            Assert.True(expected.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(outputDirectory, "query_results.db"))),
                $"the output differs from the undisturbed run after kill -9 of {(killJobHolder ? "the job grain's silo" : "another silo")}");

            var events = await EventsAfterAsync(job, sequenceAtKill);
            var resumed = events.FirstOrDefault(e => e.Kind == JobEventKinds.Warning && e.Data.GetProperty("code").GetString() == "job_resumed");
            if (killJobHolder)
            {
                Assert.True(resumed is not null,
                    $"no job_resumed event after the kill of {victim.SiloPort} (job grain at {jobHolder}, job {stateAtKill} just before); events after it: " +
                    string.Join(", ", events.Select(e => $"{e.Sequence} {e.Kind} {(e.Kind == JobEventKinds.Warning ? e.Data.GetProperty("code").GetString() : "")}")) + SiloLogs());
            }

            // Informational (the assertions above are the test): the time from the kill to the job's next sign of work.
            var next = resumed ?? events.FirstOrDefault(e => e.Kind == JobEventKinds.Progress);
            var again = next is null
                ? $"no progress event after the kill (events: {string.Join(", ", events.Select(e => e.Kind))})"
                : $"job running again after {(next.Time - killedAt).TotalSeconds:F1} s ({(resumed is null ? "next progress" : "resumed")})";
            output.WriteLine($"kill -9 of {(killJobHolder ? "the job grain's silo" : "another silo")}: {again}, finished after {(DateTimeOffset.UtcNow - killedAt).TotalSeconds:F1} s");

            // Three members again for the next kill.
            _silos.Add(SiloProcess.Start(_redis.Url, _clusterId, _root));
            await WaitForActiveSilosAsync(3);
        }
    }

    // Every event after afterSequence: the grain answers at most JobGrain's page (1,000 events) per call.
    private static async Task<List<JobEvent>> EventsAfterAsync(IJobGrain job, long afterSequence)
    {
        var all = new List<JobEvent>();
        while (true)
        {
            var after = all.Count == 0 ? afterSequence : all[^1].Sequence;
            var page = await SiloLossRetry.RunAsync(() => job.GetEvents(after, 1_000));
            all.AddRange(page);
            if (page.Count < 1_000)
            {
                return all;
            }
        }
    }

    // What every member wrote (warnings and errors): the silo side of a failed run.
    private string SiloLogs() => Environment.NewLine + string.Join(Environment.NewLine, _silos.Select(s => s.RecentOutput));

    private async Task<(string JobId, IJobGrain Job)> WaitForRunningContactsAsync(Task<ClientRun> run)
    {
        var registry = Client.GetGrain<IJobRegistryGrain>(IJobRegistryGrain.DefaultKey);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(run.IsCompleted, "the client finished before a silo could be killed mid-job: " + (run.IsCompleted ? run.Result.Output + run.Result.Error : ""));
            Assert.True(clock.Elapsed < JobTimeout, "the job did not reach the contacts table");
            var running = (await SiloLossRetry.RunAsync(() => registry.ListJobs(100))).FirstOrDefault(s => !s.IsFinished);
            if (running is not null && running.Counters.GetValueOrDefault("table:contacts") > 0)
            {
                return (running.JobId, Client.GetGrain<IJobGrain>(running.JobId));
            }

            await Task.Delay(20);
        }
    }

    private Task<SiloAddress> HolderAsync(IAddressable grain) => ActivationLocator.FindAsync(Client, grain);

    private async Task WaitForActiveSilosAsync(int count)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                var hosts = await Client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
                if (hosts.Count == count)
                {
                    return;
                }
            }
            catch (Exception e) when (SiloLoss.IsSiloLoss(e))
            {
                // A member that was just killed may still be in the client's gateway list.
            }

            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), $"the pool did not reach {count} active silos");
            await Task.Delay(200);
        }
    }

    // The console's own connection to a pool, retried while the silo processes are still starting.
    private async Task<SiloSession> ConnectAsync()
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await SiloSession.ConnectPoolAsync(PoolCluster.Parse(_redis!.Url)!, _clusterId, CancellationToken.None);
            }
            catch (SiloUnreachableException) when (clock.Elapsed < TimeSpan.FromMinutes(1))
            {
                await Task.Delay(500);
            }
        }
    }
}
