using System.Text;
using PiiOrleans.Grains.Tables;
using PiiOrleans.Pii.Anonymization;
using PiiOrleans.Pii.Configuration;
using PiiOrleans.Tables;

namespace PiiOrleans.Tests.Tables;

/// <summary>The on-disk pseudonym store of the tables job: the same contract as the in-memory one, with nothing in clear on disk.</summary>
public sealed class SqlitePseudonymStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("pii-pseudonyms-").FullName;

    public void Dispose() => Directory.Delete(_directory, true);

    private string StorePath => Path.Combine(_directory, ".pseudonyms.tmp");

    [Fact]
    public void IsConsistentCollisionFreeAndReversibleBeyondItsMemoryCache()
    {
        // A cache of 16 entries (×2) against 3,000 values: most answers come from the file.
        using var store = new SqlitePseudonymStore(StorePath, cacheCapacity: 16);
        var registry = new OperatorRegistry(store, "seed");
        var op = registry.Bind(new OperatorSettings("pseudonymize").With("mode", "fake"), "EMAIL_ADDRESS");
        var values = Enumerable.Range(0, 3000).Select(i => $"user{i % 1000}@corp.example.org").ToArray();
        var results = new string[values.Length];
        Parallel.For(0, values.Length, i => results[i] = op.Operate(values[i]));

        Assert.Equal(1000, store.Count);
        Assert.All(values.Zip(results).GroupBy(p => p.First), g => Assert.Single(g.Select(p => p.Second).Distinct()));
        Assert.Equal(1000, results.Distinct().Count());
        Assert.DoesNotContain(results, r => values.Contains(r));

        var reverse = registry.Bind(new OperatorSettings("depseudonymize"), "EMAIL_ADDRESS", OperatorType.Deanonymize);
        Assert.Equal(values[7], reverse.Operate(results[7]));
        Assert.False(store.TryGetOriginal("PERSON", results[7], out _));
        Assert.Equal(1000, store.Snapshot().Count);
        Assert.Contains(new PseudonymEntry("EMAIL_ADDRESS", values[7], results[7]), store.Snapshot());
    }

    [Fact]
    public void GivesTheSameSurrogatesAsTheInMemoryStoreForTheSameSeed()
    {
        using var onDisk = new SqlitePseudonymStore(StorePath);
        var inMemory = new InMemoryPseudonymStore();
        var factory = new FakeSurrogateFactory("seed");
        var values = Enumerable.Range(0, 200).Select(i => (i % 10).ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + i).ToArray();
        Assert.Equal(values.Select(v => inMemory.GetOrAdd("US_SSN", v, factory)), values.Select(v => onDisk.GetOrAdd("US_SSN", v, factory)));
    }

    [Fact]
    public void MatchesTheInMemoryStoreWhenItsSurrogatePoolIsExhausted()
    {
        // 500 candidates for 3,000 values: most values go through many taken candidates, pending and on disk alike,
        // and some candidates are other values' originals.
        using var onDisk = new SqlitePseudonymStore(StorePath, cacheCapacity: 16, pageCacheKilobytes: 64);
        var inMemory = new InMemoryPseudonymStore();
        var factory = new SmallPoolFactory();
        var values = Enumerable.Range(0, 6000).Select(i => "v" + (i % 3000 * 7 % 3001)).ToArray();
        var expected = values.Select(v => inMemory.GetOrAdd("ID", v, factory)).ToArray();
        var actual = values.Select(v => onDisk.GetOrAdd("ID", v, factory)).ToArray();

        Assert.Equal(expected, actual);
        Assert.Equal(3000, actual.Distinct().Count());
        Assert.Contains(actual, a => a.StartsWith('s')); // the pool ran out
        Assert.True(onDisk.TryGetOriginal("ID", actual[1234], out var original));
        Assert.Equal(values[1234], original);
    }

    [Fact]
    public void APageCacheShrunkWhileOpenSpillsToTheFile()
    {
        // The scratch store never commits: its pages reach the file only when they leave SQLite's page cache.
        using var store = new SqlitePseudonymStore(StorePath, cacheCapacity: 16, pageCacheKilobytes: 32 * 1024);
        var factory = new FakeSurrogateFactory("seed");
        for (var i = 0; i < 5000; i++)
        {
            store.GetOrAdd("PERSON", "Filler Person " + i, factory);
        }

        var before = new FileInfo(StorePath).Length;
        store.PageCacheKilobytes = 64;
        Assert.Equal(64, store.PageCacheKilobytes);
        for (var i = 0; i < 5000; i++)
        {
            store.GetOrAdd("PERSON", "Other Person " + i, factory);
        }

        Assert.True(new FileInfo(StorePath).Length > before + 200_000, $"{before} → {new FileInfo(StorePath).Length} bytes");
        Assert.Throws<ArgumentOutOfRangeException>(() => store.PageCacheKilobytes = 0);
        Assert.Equal("Filler Person 17", store.TryGetOriginal("PERSON", store.GetOrAdd("PERSON", "Filler Person 17", factory), out var original) ? original : null);
    }

    [Fact]
    public void KeepsNoValueInClearOnDiskAndDeletesItsFileOnDispose()
    {
        // A small page cache, so the mappings reach the file (the store never commits: pages leave the cache when it spills).
        var store = new SqlitePseudonymStore(StorePath, pageCacheKilobytes: 64);
        Assert.False(File.Exists(StorePath)); // created on first use only
        var surrogate = store.GetOrAdd("PERSON", "Zebulon Quartermaine", new FakeSurrogateFactory("seed"));
        for (var i = 0; i < 5000; i++)
        {
            store.GetOrAdd("PERSON", "Filler Person " + i, new FakeSurrogateFactory("seed"));
        }

        Assert.True(File.Exists(StorePath));
        var bytes = File.ReadAllBytes(StorePath);
        Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes("Quartermaine")));
        Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes("Filler Person")));
        Assert.NotEqual(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(surrogate)));

        store.Dispose();
        Assert.False(File.Exists(StorePath));
        Assert.Empty(Directory.GetFiles(_directory));
    }

    // Candidates from a pool of 500 names (some of them are originals: "v12"), then a unique one after 8 attempts.
    private sealed class SmallPoolFactory : ISurrogateFactory
    {
        public string Create(string entityType, string original, int sequence, int attempt) =>
            attempt < 8 ? "v" + ((original.GetHashCode(StringComparison.Ordinal) & 0x7fff) + attempt * 37) % 500 : "s" + sequence;
    }
}
