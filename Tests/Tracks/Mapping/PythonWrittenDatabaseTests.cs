using PiiOrleans.Grains.Tracks;
using PiiOrleans.Tracks.Mapping;

namespace PiiOrleans.Tests.Tracks.Mapping;

/// <summary>A database written by CPython's sqlite3 and random (Fixtures/Tracks/Mapping/trackveil_store.py, seed 12345).</summary>
public sealed class PythonWrittenDatabaseTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Opens_and_continues_where_Python_stopped()
    {
        var path = _dir.File("mapping.db");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Tracks", "Mapping", "trackveil-python.db"), path);
        using (var store = MappingStore.Open(path))
        {
            Assert.Equal(12345, (int)store.Seed);
            Assert.Equal(["pineap", "gnu", "salmon"], store.Runs.Select(p => p.Anonymized));
            Assert.Equal("T307", store.GetOrCreateTeam("team2"));
            Assert.Equal("algae", store.GetOrCreateRun("team4-run1"));
            Assert.Equal("T633", store.GetOrCreateTeam("team4"));
            Assert.Equal("team1-run1", store.LookupFingerprint("5a34c49d7b9189c8c6803c5ec00c29ca98b801b4f5497ea8f5d14c8df6684b33")!.OriginalRun);
        }

        var metadata = TrackVeilDatabase.Query(path, "SELECT key, value FROM metadata").ToDictionary(r => r[0], r => r[1]);
        Assert.Equal("4", metadata["team_pool_index"]);
        Assert.Equal("4", metadata["run_pool_index"]);
    }
}
