using System.Diagnostics;
using System.Text.Json;
using Orleans.Runtime;
using Orleans.TestingHost;
using PiiOrleans.Grains.Interfaces.Jobs;
using PiiOrleans.Grains.Interfaces.Tables;
using PiiOrleans.Grains.Interfaces.Tracks.Mapping;
using PiiOrleans.Grains.Jobs;
using PiiOrleans.Tests.Hosting;
using PiiOrleans.Tests.Tables;
using PiiOrleans.Tests.Tracks.Pipeline;
using PiiOrleans.Tracks;
using PiiOrleans.Tracks.Mapping;

namespace PiiOrleans.Tests.Grains;

/// <summary>
/// A pool loses a silo mid-job and the job still completes with the bytes of an undisturbed one-silo run: three silos
/// with job state and reminders in a private Redis, and, one after another, the silo holding the job grain, a table
/// grain, the pseudonym allocator and the tracks mapping grain is killed while the job runs. A silo that joins mid-job
/// receives batches.
/// </summary>
public sealed class SiloKillTests : IAsyncLifetime
{
    private static readonly TimeSpan JobTimeout = TimeSpan.FromMinutes(4);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "silokill-" + Guid.NewGuid().ToString("N"));
    private RedisServer? _redis;
    private string _input = "";

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        Directory.CreateDirectory(_root);
        _input = Path.Combine(_root, "query_results.db");
        TablesCluster.CreateVanaDatabase(_input);
        MultiSiloOutputTests.AddContactsTable(_input, 20_000);
    }

    public Task DisposeAsync()
    {
        _redis?.Dispose();
        if (Environment.GetEnvironmentVariable("KEEP_SILOKILL") is null && Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_tables_job_completes_with_the_same_bytes_when_the_silos_of_its_job_grain_a_table_grain_and_its_pseudonyms_die()
    {
        var expected = await BaselineTablesAsync();
        await using var cluster = await MultiSiloCluster.StartAsync(3, _redis!.Url);

        foreach (var victim in new[] { Victim.JobGrain, Victim.TableGrain, Victim.PseudonymGrain })
        {
            // A fast machine can finish the contacts table between the test seeing it start and the kill: such a try
            // proves nothing about resuming (its output is still checked) and is made again with smaller batches.
            var resumed = false;
            foreach (var batchSize in new[] { 250, 100, 40 })
            {
                resumed = await KillMidJobAsync(cluster, expected, victim, batchSize);
                // Back to three silos for the next try or victim.
                await cluster.StartAdditionalSiloAsync();
                await cluster.WaitForLivenessToStabilizeAsync();
                if (resumed)
                {
                    break;
                }
            }

            Assert.True(resumed, $"{victim}: the contacts table finished before every kill");
        }
    }

    // One job, one kill; true when the job resumed, false when the kill came after the contacts table was done.
    private async Task<bool> KillMidJobAsync(InProcessTestCluster cluster, byte[] expected, Victim victim, int batchSize)
    {
        var output = Path.Combine(_root, $"tables-{victim}-{batchSize}");
        var jobId = "kill-" + victim + "-" + Guid.NewGuid().ToString("N")[..8];
        var job = cluster.Client.GetGrain<IJobGrain>(jobId);
        await job.Start(TablesSubmission(output, batchSize));

        await WaitUntilAsync(job, status => status.Counters.GetValueOrDefault("table:contacts") > 0, "the contacts table started");
        IAddressable holder = victim switch
        {
            Victim.JobGrain => job,
            Victim.TableGrain => cluster.Client.GetGrain<ITableGrain>($"{jobId}/contacts"),
            _ => cluster.Client.GetGrain<IPseudonymGrain>(jobId),
        };
        // The table grain closes when its table is done: then there is nothing left to kill mid-table.
        var found = await ActivationLocator.FindAsync(cluster.Client, holder,
            async () => await job.GetStatus() is var now && (now.IsFinished || now.Counters.GetValueOrDefault("table:contacts") >= 20_000));
        if (found is null)
        {
            Assert.Equal(JobState.Succeeded, (await job.WaitForCompletionAsync().WaitAsync(JobTimeout)).State);
            Assert.True(expected.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(output, "query_results.db"))));
            return false;
        }

        var (killed, killedAt) = await KillSiloOfAsync(cluster, found);

        var status = await job.WaitForCompletionAsync().WaitAsync(JobTimeout);
        var events = await SiloLossRetry.RunAsync(() => job.GetEvents(0, 10_000));

        Assert.True(status.State == JobState.Succeeded, $"{victim}: {status.State} {status.Error}");
        Assert.True(expected.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(output, "query_results.db"))),
            $"{victim}: the output differs from the one-silo run after killing {killed}");
        Assert.Empty(Directory.EnumerateFiles(output, ".*"));
        var contacts = status.Result!.Value.GetProperty("report").GetProperty("tables").EnumerateArray()
            .Single(t => t.GetProperty("name").GetString() == "contacts");
        Assert.Equal(20_000, contacts.GetProperty("rows").GetInt64());

        if (events.Any(e => e.Kind == JobEventKinds.Warning && e.Data.GetProperty("code").GetString() == "job_resumed"))
        {
            return true;
        }

        // No resume is right only when the table was done before the kill.
        var contactsDone = events.Where(e => e.Kind == JobEventKinds.Progress && e.Data.GetProperty("scope").GetString() == "table:contacts"
                && e.Data.GetProperty("done").GetInt64() == 20_000)
            .Select(e => e.Time).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
        Assert.True(contactsDone <= killedAt, $"{victim}: killed {killed} mid-table at {killedAt:O}, but the job did not resume");
        return false;
    }

    [Fact]
    public async Task A_tracks_job_completes_with_the_same_files_when_the_silo_of_its_mapping_grain_dies()
    {
        Dictionary<string, byte[]> expected;
        MappingStatistics expectedMapping;
        using (var tree = MultiSiloOutputTests.GeneratedExport(teams: 300))
        {
            await using var one = await MultiSiloCluster.StartAsync(1);
            var baseline = await MultiSiloCluster.RunJobAsync(one, "tracks", TracksParameters(tree), JobTimeout);
            Assert.Equal(0, baseline.ExitCode);
            expected = tree.OutputFiles().ToDictionary(p => p, p => File.ReadAllBytes(Path.Combine(tree.Output, p)), StringComparer.Ordinal);
            expectedMapping = MappingStatisticsOf(tree.Mapping);
        }

        using var killedTree = MultiSiloOutputTests.GeneratedExport(teams: 300);
        await using var cluster = await MultiSiloCluster.StartAsync(3, _redis!.Url);
        var job = cluster.Client.GetGrain<IJobGrain>("kill-mapping-" + Guid.NewGuid().ToString("N")[..8]);
        await job.Start(new JobSubmission("tracks", JsonSerializer.SerializeToElement(TracksParameters(killedTree), TracksJson.Options)));
        await WaitUntilAsync(job, status => status.Counters.GetValueOrDefault("files") > 0, "files were being rewritten");
        _ = await KillHolderAsync(cluster, cluster.Client.GetGrain<IMappingGrain>(Path.GetFullPath(killedTree.Mapping)));

        var status = await job.WaitForCompletionAsync().WaitAsync(JobTimeout);
        var events = await SiloLossRetry.RunAsync(() => job.GetEvents(0, 10_000));

        Assert.True(status.State == JobState.Succeeded, $"{status.State} {status.Error}");
        Assert.Contains(events, e => e.Kind == JobEventKinds.Warning && e.Data.GetProperty("code").GetString() == "job_resumed");
        var files = killedTree.OutputFiles().ToDictionary(p => p, p => File.ReadAllBytes(Path.Combine(killedTree.Output, p)), StringComparer.Ordinal);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), files.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in expected)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(files[path]), $"output {path} differs from the one-silo run");
        }

        // Every name and fingerprint is in mapping.db, also those the lost activation had not yet written.
        Assert.Equal(expectedMapping, MappingStatisticsOf(killedTree.Mapping));
    }

    private static MappingStatistics MappingStatisticsOf(string mapping)
    {
        using var store = MappingStore.Open(mapping, new MappingOpenOptions(ReadOnly: true));
        return store.GetStatistics();
    }

    [Fact]
    public async Task A_silo_that_joins_mid_job_receives_batches()
    {
        await using var cluster = await MultiSiloCluster.StartAsync(2, _redis!.Url);
        var seen = new List<string>();

        // A fast machine can finish the table before the new member is in every silo's placement view. Each try uses
        // smaller batches (more of them, so a slower job) and a new member; one try where it received batches is the
        // behaviour asked for.
        foreach (var batchSize in new[] { 100, 50, 25 })
        {
            var output = Path.Combine(_root, "tables-join-" + batchSize);
            var job = cluster.Client.GetGrain<IJobGrain>("join-" + Guid.NewGuid().ToString("N")[..8]);
            await job.Start(TablesSubmission(output, batchSize));
            await WaitUntilAsync(job, status => status.Counters.GetValueOrDefault("table:contacts") > 0, "the contacts table started");

            var joined = await cluster.StartAdditionalSiloAsync();
            var status = await job.WaitForCompletionAsync().WaitAsync(JobTimeout);

            Assert.True(status.State == JobState.Succeeded, $"{status.State} {status.Error}");
            var contacts = status.Result!.Value.GetProperty("report").GetProperty("tables").EnumerateArray()
                .Single(t => t.GetProperty("name").GetString() == "contacts");
            var silos = contacts.GetProperty("batches_per_silo").EnumerateObject().Select(p => p.Name).ToList();
            if (silos.Contains(joined.SiloAddress.ToString()))
            {
                return;
            }

            seen.Add($"batch size {batchSize}: batches on {string.Join(", ", silos)}, joined {joined.SiloAddress}");
        }

        Assert.Fail("no silo that joined mid-job received batches: " + string.Join("; ", seen));
    }

    private enum Victim
    {
        JobGrain,
        TableGrain,
        PseudonymGrain,
    }

    private async Task<byte[]> BaselineTablesAsync()
    {
        var output = Path.Combine(_root, "tables-baseline");
        await using var one = await MultiSiloCluster.StartAsync(1);
        var job = one.Client.GetGrain<IJobGrain>("baseline-" + Guid.NewGuid().ToString("N")[..8]);
        await job.Start(TablesSubmission(output));
        var status = await job.WaitForCompletionAsync().WaitAsync(JobTimeout);
        Assert.True(status.State == JobState.Succeeded, $"baseline: {status.State} {status.Error}");
        return File.ReadAllBytes(Path.Combine(output, "query_results.db"));
    }

    // Small batches, few in flight: the contacts table takes several seconds, so the kill lands mid-table.
    private JobSubmission TablesSubmission(string output, int batchSize = 250) => new("tables", JsonSerializer.SerializeToElement(new Dictionary<string, object?>
    {
        ["input"] = _input,
        ["output_dir"] = output,
        ["config"] = TablesCluster.Fixture("vana-presidio-config.json"),
        ["batch_size"] = batchSize,
        ["max_in_flight"] = 2,
    }));

    private static TracksJobParameters TracksParameters(TracksTestTree tree) =>
        new(tree.Input, tree.Output, tree.Mapping, Seed: 7, Answers: TracksTestTree.StandardAnswers());

    private static async Task WaitUntilAsync(IJobGrain job, Func<JobStatus, bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var status = await job.GetStatus();
            Assert.False(status.IsFinished, $"the job finished ({status.State}) before {what}; the test needs it running");
            if (condition(status))
            {
                return;
            }

            Assert.True(clock.Elapsed < JobTimeout, $"timed out waiting until {what}");
            await Task.Delay(20);
        }
    }

    private static async Task<(SiloAddress Silo, DateTimeOffset At)> KillHolderAsync(InProcessTestCluster cluster, IAddressable grain) =>
        await KillSiloOfAsync(cluster, await ActivationLocator.FindAsync(cluster.Client, grain));

    private static async Task<(SiloAddress Silo, DateTimeOffset At)> KillSiloOfAsync(InProcessTestCluster cluster, SiloAddress address)
    {
        var silo = cluster.Silos.Single(s => s.SiloAddress.Equals(address));
        var at = DateTimeOffset.UtcNow;
        await cluster.KillSiloAsync(silo);
        return (address, at);
    }
}
