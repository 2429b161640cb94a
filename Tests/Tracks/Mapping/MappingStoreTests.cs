using PiiOrleans.Grains.Interfaces.Tracks.Mapping;
using PiiOrleans.Grains.Tracks;
using PiiOrleans.Tracks.Mapping;

namespace PiiOrleans.Tests.Tracks.Mapping;

public sealed class MappingStoreTests : IDisposable
{
    private const string IsoTimestamp = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?$";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void New_database_with_seed_allocates_in_pool_order()
    {
        var path = _dir.File("mapping.db");
        using (var store = MappingStore.Open(path, new MappingOpenOptions(Seed: 42)))
        {
            Assert.Equal("tulips", store.GetOrCreateRun("team1-run1"));
            Assert.Equal("T873", store.GetOrCreateTeam("team1"));
            Assert.Equal("weevl", store.GetOrCreateRun("team1-run2"));
            Assert.Equal("tulips", store.GetOrCreateRun("team1-run1"));
            Assert.Equal("T507", store.GetOrCreateTeam("team2"));
        }

        var metadata = TrackVeilDatabase.Query(path, "SELECT key, value FROM metadata").ToDictionary(r => r[0], r => r[1]);
        Assert.Equal("42", metadata["seed"]);
        Assert.Matches(IsoTimestamp, metadata["created_at"]);
        Assert.Equal("2", metadata["team_pool_index"]);
        Assert.Equal("2", metadata["run_pool_index"]);
        var runs = TrackVeilDatabase.Query(path, "SELECT original, anonymized, created_at FROM run_mappings ORDER BY rowid");
        Assert.Equal(["team1-run1", "team1-run2"], runs.Select(r => r[0]));
        Assert.All(runs, r => Assert.Matches(IsoTimestamp, r[2]));
    }

    [Fact]
    public void Our_schema_is_Track_Veils_schema()
    {
        var ours = _dir.File("ours.db");
        var theirs = _dir.File("theirs.db");
        MappingStore.Open(ours, new MappingOpenOptions(Seed: 1)).Dispose();
        TrackVeilDatabase.CreateRunA(theirs);
        const string schemaQuery = "SELECT type, name, tbl_name, IFNULL(sql, '') FROM sqlite_master WHERE name <> 'run_team_associations' AND name NOT LIKE 'sqlite_autoindex_run_team%' ORDER BY name";
        var ourSchema = TrackVeilDatabase.Query(ours, schemaQuery).Select(r => string.Join('|', r).Replace(" ", string.Empty).Replace("\n", string.Empty));
        var theirSchema = TrackVeilDatabase.Query(theirs, schemaQuery).Select(r => string.Join('|', r).Replace(" ", string.Empty).Replace("\n", string.Empty));
        Assert.Equal(theirSchema, ourSchema);
        Assert.Contains(TrackVeilDatabase.Query(ours, "SELECT name FROM sqlite_master"), r => r[0] == "sqlite_autoindex_team_mappings_2");
    }

    [Fact]
    public void Track_Veil_database_opens_and_continues_from_stored_indices()
    {
        var path = _dir.File("mapping.db");
        TrackVeilDatabase.CreateRunA(path);
        using (var store = MappingStore.Open(path))
        {
            Assert.Equal(42, (int)store.Seed);
            Assert.Equal("tulips", store.GetRun("team1-run1"));
            Assert.Equal("T507", store.GetOrCreateTeam("team.org"));
            Assert.Equal("sunfis", store.GetOrCreateRun("team3-run1"));
            Assert.Equal("T354", store.GetOrCreateTeam("team3"));
            Assert.Equal(["team1", "team.org", "team2", "team3"], store.Teams.Select(p => p.Original));
        }

        var metadata = TrackVeilDatabase.Query(path, "SELECT key, value FROM metadata").ToDictionary(r => r[0], r => r[1]);
        Assert.Equal("4", metadata["team_pool_index"]);
        Assert.Equal("7", metadata["run_pool_index"]);
        Assert.Equal("42", metadata["seed"]);
        Assert.Empty(TrackVeilDatabase.Query(path, "SELECT * FROM invalidated_names"));
    }

    [Fact]
    public void Missing_pool_index_restarts_pools_and_records_collisions()
    {
        // Spec §5.4's observed scenario: run_pool_index deleted, so both pools restart at 0.
        var path = _dir.File("mapping.db");
        TrackVeilDatabase.CreateRunA(path, withPoolIndices: false);
        using (var store = MappingStore.Open(path))
        {
            Assert.Equal("sunfis", store.GetOrCreateRun("new-run"));
            Assert.Equal("T354", store.GetOrCreateTeam("new-team"));
        }

        var invalid = TrackVeilDatabase.Query(path, "SELECT name_type, name, invalidated_at FROM invalidated_names ORDER BY rowid");
        Assert.Equal(["tulips", "weevl", "algae", "scarab", "bug", "radish"], invalid.Where(r => r[0] == "run").Select(r => r[1]));
        Assert.Equal(["T873", "T507", "T895"], invalid.Where(r => r[0] == "team").Select(r => r[1]));
        Assert.All(invalid, r => Assert.Matches(IsoTimestamp, r[2]));
        var stats = MappingStore.Open(path, new MappingOpenOptions(ReadOnly: true)).GetStatistics();
        Assert.Equal(7, stats.RunPoolIndex);
        Assert.Equal(2048, stats.RunsRemaining);
        Assert.Equal(995, stats.TeamsRemaining);
    }

    [Fact]
    public void Seed_mismatch_is_refused_and_matching_seed_accepted()
    {
        var path = _dir.File("mapping.db");
        TrackVeilDatabase.CreateRunA(path);
        var ex = Assert.Throws<SeedMismatchException>(() => MappingStore.Open(path, new MappingOpenOptions(Seed: 7)));
        Assert.StartsWith("Seed mismatch: DB has seed=42, but seed=7 was provided.", ex.Message);
        MappingStore.Open(path, new MappingOpenOptions(Seed: 42)).Dispose();
    }

    [Fact]
    public void Read_only_open_writes_nothing_not_even_a_seed()
    {
        var path = _dir.File("noseed.db");
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            TrackVeilDatabase.Execute(connection, TrackVeilDatabase.Schema + "INSERT INTO team_mappings VALUES ('a', 'T001', '2026-01-01T00:00:00');");
        }

        byte[] before = File.ReadAllBytes(path);
        using (var store = MappingStore.Open(path, new MappingOpenOptions(ReadOnly: true)))
        {
            Assert.Equal("T001", store.GetTeam("a"));
            Assert.Throws<InvalidOperationException>(() => store.GetOrCreateTeam("b"));
            Assert.Equal(1, store.GetStatistics().Teams);
        }

        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Empty(TrackVeilDatabase.Query(path, "SELECT * FROM metadata"));

        var missing = _dir.File("missing.db");
        using (var empty = MappingStore.Open(missing, new MappingOpenOptions(ReadOnly: true)))
        {
            Assert.Empty(empty.Teams);
        }

        Assert.False(File.Exists(missing));
    }

    [Fact]
    public void Not_a_database_gives_a_clear_error()
    {
        var path = _dir.File("notes.txt");
        File.WriteAllText(path, new string('x', 5000));
        var ex = Assert.Throws<MappingStoreException>(() => MappingStore.Open(path, new MappingOpenOptions(ReadOnly: true)).GetStatistics());
        Assert.Contains("is not a SQLite mapping database", ex.Message);
        Assert.Throws<MappingStoreException>(() => MappingStore.Open(path));
    }

    [Fact]
    public void Exhaustion_is_detected_before_allocation_and_extension_goes_beyond()
    {
        var path = _dir.File("mapping.db");
        using var compatible = MappingStore.Open(path, new MappingOpenOptions(Seed: 3, AllowPoolExtension: false));
        var runs = Enumerable.Range(0, 3000).Select(i => $"team{i / 5:D3}-run{i % 5}-task{i}").ToList();
        var ex = Assert.Throws<PseudonymPoolExhaustedException>(() => compatible.Reserve([], runs));
        Assert.Equal(PseudonymKind.Run, ex.Kind);
        Assert.Equal(3000, ex.Needed);
        Assert.Equal(2055, ex.Available);
        Assert.Empty(compatible.Runs);
        compatible.Dispose();

        using var extended = MappingStore.Open(path, new MappingOpenOptions(Seed: 3));
        var reservation = extended.Reserve(["t1", "t1", "t2"], runs);
        Assert.Equal(2, reservation.TeamsNeeded);
        Assert.True(reservation.UsesRunExtension);
        Assert.False(reservation.UsesTeamExtension);
        var names = runs.Select(extended.GetOrCreateRun).ToList();
        Assert.Equal(3000, names.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(PseudonymPool.ForRuns(3)[2055], names[2055]);
        Assert.Equal(3000, extended.GetStatistics().RunPoolIndex);
        Assert.Equal(0, extended.GetStatistics().RunsRemaining);
    }

    [Fact]
    public void Exhausted_team_pool_throws_with_a_clear_message()
    {
        using var store = MappingStore.Open(_dir.File("mapping.db"), new MappingOpenOptions(Seed: 5, AllowPoolExtension: false));
        for (int i = 0; i < 999; i++)
        {
            store.GetOrCreateTeam("team" + i);
        }

        var ex = Assert.Throws<PseudonymPoolExhaustedException>(() => store.GetOrCreateTeam("one-too-many"));
        Assert.Contains("team pseudonym pool", ex.Message);
        Assert.DoesNotContain("one-too-many", ex.Message);
        Assert.Equal(999, store.Teams.Count);
    }

    [Fact]
    public void Preview_shows_names_without_storing_them()
    {
        var path = _dir.File("mapping.db");
        TrackVeilDatabase.CreateRunA(path);
        using var store = MappingStore.Open(path);
        var preview = store.Preview(["team1", "team9"], ["team1-run1", "new", "new"]);
        Assert.Equal(["T873", "T354"], preview.Teams.Select(p => p.Anonymized));
        Assert.Equal(["tulips", "sunfis", "sunfis"], preview.Runs.Select(p => p.Anonymized));
        Assert.Null(store.GetRun("new"));
        Assert.Equal("sunfis", store.GetOrCreateRun("new"));
    }

    [Fact]
    public void Fingerprints_are_batched_first_wins_and_survive_reopen()
    {
        var path = _dir.File("mapping.db");
        TrackVeilDatabase.CreateRunA(path);
        using (var store = MappingStore.Open(path))
        {
            var existing = store.LookupFingerprint("d1ab7541174f34b61a4258552c78fe26463197fa07d7f7ffa794aba714727854");
            Assert.Equal(new FingerprintRecord("d1ab7541174f34b61a4258552c78fe26463197fa07d7f7ffa794aba714727854", "team1", "team1-run1", "983", "T873", "tulips"), existing);
            store.RecordFingerprints([
                new FingerprintRecord("aa", "team2", "team2-run2", "1", "T895", "algae"),
                new FingerprintRecord("aa", "other", "other", "1", "X", "x"),
                new FingerprintRecord("d1ab7541174f34b61a4258552c78fe26463197fa07d7f7ffa794aba714727854", "x", "x", "x", "x", "x"),
            ]);
            Assert.Equal("team2", store.LookupFingerprint("aa")!.OriginalTeam);
            Assert.Equal(3, store.PendingWrites + 1);
            Assert.Equal(3, store.GetStatistics().Fingerprints);
            Assert.Equal(0, store.PendingWrites);
        }

        using var reopened = MappingStore.Open(path, new MappingOpenOptions(ReadOnly: true));
        Assert.Equal("algae", reopened.LookupFingerprint("aa")!.AnonRun);
        Assert.Equal("team1", reopened.LookupFingerprint("d1ab7541174f34b61a4258552c78fe26463197fa07d7f7ffa794aba714727854")!.OriginalTeam);
        Assert.Null(reopened.LookupFingerprint("bb"));
    }

    [Fact]
    public void Run_team_association_is_persisted_additively()
    {
        var path = _dir.File("mapping.db");
        TrackVeilDatabase.CreateRunA(path);
        using (var store = MappingStore.Open(path))
        {
            store.RecordRunTeam("team1-run1", "acme");
            store.RecordRunTeam("team1-run1", "team1");
        }

        using var reopened = MappingStore.Open(path, new MappingOpenOptions(ReadOnly: true));
        Assert.Equal("team1", reopened.GetRunTeam("team1-run1"));
        Assert.Null(reopened.GetRunTeam("team2-run1"));
    }

    [Fact]
    public void Repair_rules_prefer_the_team_then_global_and_global_rules_do_not_pile_up()
    {
        // BUG-16: Track Veil's INSERT OR REPLACE never replaces a NULL-team rule.
        var path = _dir.File("mapping.db");
        TrackVeilDatabase.CreateRunA(path);
        using (var store = MappingStore.Open(path))
        {
            Assert.Equal("extract_key", store.FindRepairRule("550d9182cef0e456", "tA")!.Action);
            Assert.Null(store.FindRepairRule("550d9182cef0e456", "tB"));
            Assert.Equal("skip_record", store.FindRepairRule("9d29a758a4c55413", "tA")!.Action);

            var global = new RepairRule("9d29a758a4c55413", "metadata.narrative", "NoneType", "str", "to_string", "{}", null, null);
            store.SaveRepairRule(global);
            store.SaveRepairRule(global with { Action = "drop_field" });
            store.SaveRepairRule(global with { Action = "skip_record", TeamId = "tA" });
            store.SaveRepairRule(global with { Action = "skip_record", TeamId = "tA" });
            Assert.Equal("drop_field", store.FindRepairRule("9d29a758a4c55413", "tB")!.Action);
            Assert.Equal("skip_record", store.FindRepairRule("9d29a758a4c55413", "tA")!.Action);
        }

        var rows = TrackVeilDatabase.Query(path, "SELECT action, team_id, created_at FROM repair_rules WHERE pattern_hash = '9d29a758a4c55413'");
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r[0] == "drop_field" && r[1] == "NULL");
        Assert.Contains(rows, r => r[0] == "skip_record" && r[1] == "tA");
        Assert.All(rows, r => Assert.Matches(IsoTimestamp, r[2]));
    }

    [Fact]
    public void Python_isoformat_drops_zero_microseconds()
    {
        Assert.Equal("2026-11-22T09:35:16", PythonIsoTimestamp.Format(new DateTime(2026, 11, 22, 9, 35, 16)));
        Assert.Equal("2026-11-22T09:35:16.063408", PythonIsoTimestamp.Format(new DateTime(2026, 11, 22, 9, 35, 16).AddTicks(634080)));
    }
}
