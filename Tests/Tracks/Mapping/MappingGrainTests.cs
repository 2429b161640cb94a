using PiiOrleans.Grains.Interfaces.Jobs;
using PiiOrleans.Grains.Interfaces.Tracks.Mapping;
using PiiOrleans.Grains.Tracks;
using PiiOrleans.Tests.Hosting;
using PiiOrleans.Tracks.Mapping;

namespace PiiOrleans.Tests.Tracks.Mapping;

public sealed class MappingGrainTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Concurrent_callers_get_one_consistent_allocation_committed_before_return()
    {
        var path = _dir.File("mapping.db");
        await using var cluster = await TestCluster.StartAsync(_ => { });
        var grain = cluster.GrainFactory.GetGrain<IMappingGrain>(path);
        await grain.Open(new MappingOpenOptions(Seed: 42));
        var reservation = await grain.Reserve(["team1"], ["r0", "r1"]);
        Assert.Equal(2, reservation.RunsNeeded);

        // Eight callers race for overlapping names; the non-reentrant grain serializes them.
        var calls = Enumerable.Range(0, 8)
            .Select(i => grain.GetOrCreateRuns([.. Enumerable.Range(0, 50).Select(j => $"r{(i * 25) + j}")]))
            .ToList();
        var results = await Task.WhenAll(calls);
        var all = results.SelectMany((names, i) => names.Select((name, j) => ($"r{(i * 25) + j}", name))).ToList();
        Assert.All(all.GroupBy(p => p.Item1), g => Assert.Single(g.Select(p => p.name).Distinct()));
        Assert.Equal(all.Select(p => p.Item1).Distinct().Count(), all.Select(p => p.name).Distinct().Count());

        // Committed before returning: a separate read-only store already sees them.
        using (var reader = MappingStore.Open(path, new MappingOpenOptions(ReadOnly: true)))
        {
            Assert.Equal(225, reader.Runs.Count);
        }

        Assert.Equal(["T873"], await grain.GetOrCreateTeams(["team1"]));
        await grain.RecordFingerprints([new FingerprintRecord("ff", "team1", "r0", "1", "T873", all[0].name)]);
        await grain.RecordRunTeams([new RunTeamAssociation("r0", "team1")]);
        Assert.Equal(["team1", null], await grain.GetRunTeams(["r0", "r1000"]));
        Assert.Equal("team1", (await grain.LookupFingerprints(["ff"]))[0]!.OriginalTeam);
        await grain.SaveRepairRule(new RepairRule("h", "metadata.narrative", "int", "str", "to_string", "{}", "7", null));
        Assert.Equal("to_string", (await grain.FindRepairRule("h", "team1"))!.Action);
        var stats = await grain.GetStatistics();
        Assert.Equal(1, stats.Fingerprints);
        Assert.Equal([null, "T873"], await grain.LookupTeams(["nobody", "team1"]));
        Assert.Equal(225, (await grain.GetAll()).Runs.Count);
    }

    [Fact]
    public async Task Errors_travel_back_to_the_caller()
    {
        var path = _dir.File("mapping.db");
        TrackVeilDatabase.CreateRunA(path);
        await using var cluster = await TestCluster.StartAsync(_ => { });
        var grain = cluster.GrainFactory.GetGrain<IMappingGrain>(path);
        // The library's exceptions stay in the grain's silo; what crosses the boundary is ours and serializable.
        var seed = await Assert.ThrowsAsync<JobParameterException>(() => grain.Open(new MappingOpenOptions(Seed: 1)));
        Assert.Contains("seed", seed.Message, StringComparison.OrdinalIgnoreCase);
        await grain.Open(new MappingOpenOptions(AllowPoolExtension: false));
        var ex = await Assert.ThrowsAsync<MappingPoolExhaustedException>(() => grain.Reserve([], [.. Enumerable.Range(0, 2050).Select(i => "x" + i)]));
        Assert.Contains("2049", ex.Message);
    }
}
