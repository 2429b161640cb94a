using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using PiiOrleans.Pii.Anonymization;
using PiiOrleans.Pii.Engine;

namespace PiiOrleans.Grains.Tables;

/// <summary>
/// An <see cref="IPseudonymStore"/> on disk, so a job's memory does not grow with the number of distinct values: the
/// mappings live in a temporary SQLite file (created on first use, deleted on dispose) behind a bounded in-memory
/// cache. The file holds no value in clear: originals are keyed by HMAC and sealed with AES-GCM under keys that exist
/// only in this process. Thread-safe (one lock; the cache serves repeated values).
/// </summary>
public sealed class SqlitePseudonymStore : IPseudonymStore, IDisposable
{
    private const int MaxAttempts = 1000;
    private const int InsertsPerTransaction = 4096;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly string _path;
    private readonly byte[] _digestKey = RandomNumberGenerator.GetBytes(32);
    private readonly AesGcm _seal = new(RandomNumberGenerator.GetBytes(32), TagSize);
    private readonly TwoGenerationCache<(string Entity, string Original), string> _cache;
    private readonly Dictionary<string, int> _sequences = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    // What the file holds, as Bloom filters (2 MB each): most new values and candidates are certainly absent, which
    // saves three of the five disk statements a new mapping costs. The hashes are of HMAC digests and of surrogates
    // (randomized per process), never written anywhere.
    private readonly BloomFilter _storedDigests = new(24);
    private readonly BloomFilter _issuedSurrogates = new(24);
    private SqliteConnection? _connection;
    private SqliteTransaction? _transaction;
    private SqliteCommand? _findForward;
    private SqliteCommand? _findReverse;
    private SqliteCommand? _insertForward;
    private SqliteCommand? _insertReverse;
    private int _pendingInserts;
    private long _nonce;
    private int _count;
    private bool _disposed;

    /// <summary>A store whose file will be <paramref name="path"/>; <paramref name="cacheCapacity"/> bounds the memory cache (×2).</summary>
    public SqlitePseudonymStore(string path, int cacheCapacity = 8192)
    {
        _path = Path.GetFullPath(path);
        _cache = new TwoGenerationCache<(string, string), string>(cacheCapacity);
    }

    /// <summary>The file backing the store (it exists only once a mapping was created).</summary>
    public string FilePath => _path;

    /// <inheritdoc />
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <inheritdoc />
    public string GetOrAdd(string entityType, string original, ISurrogateFactory factory)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_cache.TryGetValue((entityType, original), out var cached))
            {
                return cached;
            }

            Open();
            var digest = Digest(entityType, original);
            if (_storedDigests.MayContain(DigestHash(digest)) && FindSurrogate(entityType, digest) is { } stored)
            {
                _cache.Add((entityType, original), stored);
                return stored;
            }

            var sequence = _sequences.GetValueOrDefault(entityType) + 1;
            for (var attempt = 0; attempt < MaxAttempts; attempt++)
            {
                var candidate = factory.Create(entityType, original, sequence, attempt);

                // A surrogate equal to some original of the job would make two rows collide or read as unmasked.
                if (candidate == original || IsIssued(candidate) || IsOriginal(entityType, candidate))
                {
                    continue;
                }

                Insert(entityType, digest, Seal(original), candidate);
                _storedDigests.Add(DigestHash(digest));
                _issuedSurrogates.Add(SurrogateHash(candidate));
                _sequences[entityType] = sequence;
                _count++;
                _cache.Add((entityType, original), candidate);
                return candidate;
            }

            throw new InvalidOperationException(
                $"No unused surrogate for an {entityType} value after {MaxAttempts} attempts; use the placeholder pseudonym mode.");
        }
    }

    /// <inheritdoc />
    public bool TryGetOriginal(string entityType, string surrogate, out string original)
    {
        lock (_gate)
        {
            original = string.Empty;
            if (_connection is null || _disposed)
            {
                return false;
            }

            using var command = _connection.CreateCommand();
            command.Transaction = _transaction;
            command.CommandText = "SELECT f.sealed FROM reverse r JOIN forward f ON f.entity = r.entity AND f.digest = r.digest WHERE r.surrogate = $s AND r.entity = $e";
            command.Parameters.AddWithValue("$s", surrogate);
            command.Parameters.AddWithValue("$e", entityType);
            if (command.ExecuteScalar() is not byte[] sealedOriginal)
            {
                return false;
            }

            original = Unseal(sealedOriginal);
            return true;
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<PseudonymEntry> Snapshot()
    {
        lock (_gate)
        {
            var entries = new List<PseudonymEntry>(_count);
            if (_connection is null || _disposed)
            {
                return entries;
            }

            using var command = _connection.CreateCommand();
            command.Transaction = _transaction;
            command.CommandText = "SELECT entity, sealed, surrogate FROM forward ORDER BY entity, seq";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                entries.Add(new PseudonymEntry(reader.GetString(0), Unseal(reader.GetFieldValue<byte[]>(1)), reader.GetString(2)));
            }

            return entries;
        }
    }

    /// <summary>Closes and deletes the file.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _transaction?.Dispose();
            foreach (var command in new[] { _findForward, _findReverse, _insertForward, _insertReverse })
            {
                command?.Dispose();
            }

            _connection?.Dispose();
            _seal.Dispose();
            _cache.Clear();
            foreach (var file in new[] { _path, _path + "-journal" })
            {
                if (File.Exists(file))
                {
                    File.Delete(file);
                }
            }
        }
    }

    private void Open()
    {
        if (_connection is not null)
        {
            return;
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = _path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        connection.Open();
        using (var setup = connection.CreateCommand())
        {
            // A scratch file: no durability needed; a bounded page cache keeps memory flat. A file left by a crashed
            // process is emptied (its keys are gone with that process, and the filters must describe the file).
            setup.CommandText = """
                PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-8192;
                DROP TABLE IF EXISTS forward; DROP TABLE IF EXISTS reverse;
                CREATE TABLE forward (entity TEXT NOT NULL, digest BLOB NOT NULL, seq INTEGER NOT NULL, sealed BLOB NOT NULL,
                    surrogate TEXT NOT NULL, PRIMARY KEY (entity, digest)) WITHOUT ROWID;
                CREATE TABLE reverse (surrogate TEXT PRIMARY KEY, entity TEXT NOT NULL, digest BLOB NOT NULL) WITHOUT ROWID;
                """;
            setup.ExecuteNonQuery();
        }

        _connection = connection;
        _findForward = Prepare("SELECT surrogate FROM forward WHERE entity = $e AND digest = $d", "$e", "$d");
        _findReverse = Prepare("SELECT 1 FROM reverse WHERE surrogate = $s", "$s");
        _insertForward = Prepare("INSERT INTO forward VALUES ($e, $d, $q, $x, $s)", "$e", "$d", "$q", "$x", "$s");
        _insertReverse = Prepare("INSERT INTO reverse VALUES ($s, $e, $d)", "$s", "$e", "$d");
    }

    private SqliteCommand Prepare(string sql, params string[] names)
    {
        var command = _connection!.CreateCommand();
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }

        return command;
    }

    private string? FindSurrogate(string entityType, byte[] digest)
    {
        var command = _findForward!;
        command.Transaction = _transaction;
        command.Parameters[0].Value = entityType;
        command.Parameters[1].Value = digest;
        return command.ExecuteScalar() as string;
    }

    private bool IsOriginal(string entityType, string candidate)
    {
        var digest = Digest(entityType, candidate);
        return _storedDigests.MayContain(DigestHash(digest)) && FindSurrogate(entityType, digest) is not null;
    }

    private static ulong DigestHash(byte[] digest) => BinaryPrimitives.ReadUInt64LittleEndian(digest);

    // Two independent per-process randomized string hashes.
    private static ulong SurrogateHash(string surrogate) =>
        ((ulong)(uint)surrogate.GetHashCode() << 32) | (uint)string.GetHashCode(surrogate, StringComparison.OrdinalIgnoreCase);

    private bool IsIssued(string surrogate)
    {
        if (!_issuedSurrogates.MayContain(SurrogateHash(surrogate)))
        {
            return false;
        }

        var command = _findReverse!;
        command.Transaction = _transaction;
        command.Parameters[0].Value = surrogate;
        return command.ExecuteScalar() is not null;
    }

    private void Insert(string entityType, byte[] digest, byte[] sealedOriginal, string surrogate)
    {
        // Inserts are grouped into transactions: one per mapping would cost a file sync each.
        _transaction ??= _connection!.BeginTransaction();
        var forward = _insertForward!;
        forward.Transaction = _transaction;
        forward.Parameters[0].Value = entityType;
        forward.Parameters[1].Value = digest;
        forward.Parameters[2].Value = _count;
        forward.Parameters[3].Value = sealedOriginal;
        forward.Parameters[4].Value = surrogate;
        forward.ExecuteNonQuery();
        var reverse = _insertReverse!;
        reverse.Transaction = _transaction;
        reverse.Parameters[0].Value = surrogate;
        reverse.Parameters[1].Value = entityType;
        reverse.Parameters[2].Value = digest;
        reverse.ExecuteNonQuery();
        if (++_pendingInserts >= InsertsPerTransaction)
        {
            _transaction.Commit();
            _transaction.Dispose();
            _transaction = null;
            _pendingInserts = 0;
        }
    }

    private byte[] Digest(string entityType, string value) =>
        HMACSHA256.HashData(_digestKey, Encoding.UTF8.GetBytes(entityType + "\u0000" + value));

    private byte[] Seal(string original)
    {
        var plain = Encoding.UTF8.GetBytes(original);
        var sealedValue = new byte[NonceSize + TagSize + plain.Length];
        var nonce = sealedValue.AsSpan(0, NonceSize);
        BinaryPrimitives.WriteInt64LittleEndian(nonce, ++_nonce);
        _seal.Encrypt(nonce, plain, sealedValue.AsSpan(NonceSize + TagSize), sealedValue.AsSpan(NonceSize, TagSize));
        return sealedValue;
    }

    private string Unseal(byte[] sealedValue)
    {
        var plain = new byte[sealedValue.Length - NonceSize - TagSize];
        _seal.Decrypt(sealedValue.AsSpan(0, NonceSize), sealedValue.AsSpan(NonceSize + TagSize), sealedValue.AsSpan(NonceSize, TagSize), plain);
        return Encoding.UTF8.GetString(plain);
    }
}
