using System.Security.Cryptography;
using PiiOrleans.Grains.Tables;
using PiiOrleans.Pii.Anonymization;
using PiiOrleans.Tables;

namespace PiiOrleans.Tests.Tables;

/// <summary>The pseudonym store's Bloom filters: never a false "absent", few false "present", and a stale file does not fool them.</summary>
public sealed class BloomFilterTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("pii-bloom-").FullName;

    public void Dispose() => Directory.Delete(_directory, true);

    [Fact]
    public void NeverAnswersAbsentForAnAddedHashAndRarelyPresentForOthers()
    {
        var filter = new BloomFilter(16);
        var added = Enumerable.Range(0, 5000).Select(_ => BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8))).ToArray();
        foreach (var hash in added)
        {
            filter.Add(hash);
        }

        Assert.All(added, hash => Assert.True(filter.MayContain(hash)));
        var falsePositives = Enumerable.Range(0, 10_000).Count(_ => filter.MayContain(BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8))));
        Assert.InRange(falsePositives, 0, 500); // 5,000 keys in 65,536 bits with 4 probes: about 0.6 %
    }

    [Fact]
    public void AStaleFileAtTheStorePathIsEmptiedSoSurrogatesStayUnique()
    {
        var path = Path.Combine(_directory, ".pseudonyms.tmp");
        var factory = new FakeSurrogateFactory("seed");
        var first = new InMemoryPseudonymStore().GetOrAdd("PERSON", "Ann Original", factory);

        // The file a crashed process would leave behind, with that surrogate already issued.
        using (var stale = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            stale.Open();
            using var command = stale.CreateCommand();
            command.CommandText = "CREATE TABLE forward (entity TEXT NOT NULL, digest BLOB NOT NULL, seq INTEGER NOT NULL, sealed BLOB NOT NULL, " +
                                  "surrogate TEXT NOT NULL, PRIMARY KEY (entity, digest)) WITHOUT ROWID; " +
                                  "CREATE TABLE reverse (surrogate TEXT PRIMARY KEY, entity TEXT NOT NULL, digest BLOB NOT NULL) WITHOUT ROWID; " +
                                  "INSERT INTO reverse VALUES ($s, 'PERSON', x'00')";
            command.Parameters.AddWithValue("$s", first);
            command.ExecuteNonQuery();
        }

        using var store = new SqlitePseudonymStore(path);
        Assert.Equal(first, store.GetOrAdd("PERSON", "Ann Original", factory));
        Assert.Equal(1, store.Count);
        Assert.Single(store.Snapshot());
    }
}
