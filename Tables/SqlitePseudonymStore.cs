using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using PiiOrleans.Pii.Anonymization;
using PiiOrleans.Pii.Engine;
using PiiOrleans.Tables;

namespace PiiOrleans.Tables;

/// <summary>
/// An <see cref="IPseudonymStore"/> on disk, so a job's memory does not grow with the number of distinct values: the
/// mappings live in a temporary SQLite file (created on first use, deleted on dispose) behind a bounded in-memory
/// cache. The file holds no value in clear: originals are keyed by HMAC and sealed with AES-GCM under keys that exist
/// only in this process. Thread-safe (one lock; the cache serves repeated values).
/// Only small structures are randomly accessed, so that a bounded page cache still holds much of them at millions of
/// mappings: the mappings are appended in sequence order; an index maps 128-bit digests to them and a table of 64-bit
/// surrogate hashes answers "already issued?" (several times per value once a surrogate pool fills up).
/// </summary>
public sealed class SqlitePseudonymStore : IPseudonymStore, IDisposable
{
    private const int MaxAttempts = 1000;

    // New mappings are written 64 at a time with one multi-row INSERT: a statement costs far more than a row.
    private const int RowsPerInsert = 64;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int DigestSize = 16;

    private readonly string _path;
    private int _pageCacheKilobytes;
    // One keyed HMAC context reused under the lock: the one-shot HMAC sets a context up per call (twice the cost).
    private readonly IncrementalHash _digest;
    private readonly AesGcm _seal;
    // Durable stores keep their file between openings (same keys) and commit at checkpoints; scratch stores do neither.
    private readonly bool _durable;
    // The last 4 bytes of every nonce: random per opening, so a store reopened under the same key never repeats a nonce
    // of an earlier opening (whose counter values it does not know) except with probability 2^-32 per pair of openings.
    private readonly uint _nonceSession = BinaryPrimitives.ReadUInt32LittleEndian(RandomNumberGenerator.GetBytes(4));
    private readonly TwoGenerationCache<(string Entity, string Original), string> _cache;
    private readonly Dictionary<string, int> _sequences = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    // What the file holds, as Bloom filters (2 MB each): most new values and candidates are certainly absent, which
    // saves most disk lookups. Both are keyed by HMACs under this process's key.
    private readonly BloomFilter _storedDigests = new(24);
    private readonly BloomFilter _issuedSurrogates = new(24);

    // The mappings not yet written (at most RowsPerInsert), looked up before the file.
    private readonly List<(string Entity, byte[] Digest, int Sequence, byte[] Sealed, string Surrogate, long SurrogateHash)> _pending = new(RowsPerInsert);
    private readonly Dictionary<byte[], string> _pendingByDigest = new(RowsPerInsert, DigestComparer.Instance);
    private readonly HashSet<long> _pendingSurrogates = new(RowsPerInsert);
    private SqliteConnection? _connection;
    private SqliteTransaction? _transaction;
    private PreparedLookup? _findSurrogate;
    private PreparedLookup? _findDigest;
    private PreparedLookup? _findIssued;
    private RowInserter? _insertOne;
    private RowInserter? _insertMany;
    private RowInserter? _issueOne;
    private RowInserter? _issueMany;
    private readonly CellValue[] _insertValues = new CellValue[5 * RowsPerInsert];
    private long _nonce;
    private int _count;
    private bool _disposed;

    /// <summary>
    /// A store whose file will be <paramref name="path"/>; <paramref name="cacheCapacity"/> bounds the memory cache of
    /// mappings (×2), <paramref name="pageCacheKilobytes"/> SQLite's page cache.
    /// </summary>
    public SqlitePseudonymStore(string path, int cacheCapacity = 8192, int pageCacheKilobytes = 8192)
        : this(path, PseudonymStoreKeys.Create(), durable: false, cacheCapacity, pageCacheKilobytes)
    {
    }

    /// <summary>
    /// A durable store under <paramref name="keys"/>: an existing file at <paramref name="path"/> (written under the
    /// same keys) is reopened as of its last <see cref="Checkpoint"/>; mappings made after it are rolled back.
    /// </summary>
    public SqlitePseudonymStore(string path, PseudonymStoreKeys keys, int cacheCapacity = 8192, int pageCacheKilobytes = 8192)
        : this(path, keys, durable: true, cacheCapacity, pageCacheKilobytes)
    {
    }

    private SqlitePseudonymStore(string path, PseudonymStoreKeys keys, bool durable, int cacheCapacity, int pageCacheKilobytes)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageCacheKilobytes, 1);
        _path = Path.GetFullPath(path);
        _pageCacheKilobytes = pageCacheKilobytes;
        _cache = new TwoGenerationCache<(string, string), string>(cacheCapacity);
        _durable = durable;
        _digest = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, keys.DigestKey);
        _seal = new AesGcm(keys.SealKey, TagSize);
    }

    /// <summary>
    /// Makes every mapping so far durable (one commit): a reopened durable store starts from here. Cheap enough per
    /// table, far too dear per batch (each commit writes every dirty page of the randomly keyed indexes).
    /// </summary>
    public void Checkpoint()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_connection is null)
            {
                return;
            }

            Flush();
            _transaction?.Commit();
            _transaction?.Dispose();
            _transaction = null;
        }
    }

    /// <summary>
    /// SQLite's page cache in kilobytes (at most; the cache fills as the file grows). Settable so that the owner can size
    /// it once it knows the job (see <c>PseudonymGrain</c>); a change applies at once to an open file.
    /// </summary>
    public int PageCacheKilobytes
    {
        get
        {
            lock (_gate)
            {
                return _pageCacheKilobytes;
            }
        }

        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                _pageCacheKilobytes = value;
                if (_connection is not null)
                {
                    using var command = _connection.CreateCommand();
                    command.CommandText = $"PRAGMA cache_size=-{value}";
                    command.ExecuteNonQuery();
                }
            }
        }
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
            var digest = new byte[DigestSize];
            Digest(entityType, original, digest);
            if (FindSurrogate(digest) is { } stored)
            {
                _cache.Add((entityType, original), stored);
                return stored;
            }

            var sequence = _sequences.GetValueOrDefault(entityType) + 1;
            for (var attempt = 0; attempt < MaxAttempts; attempt++)
            {
                var candidate = factory.Create(entityType, original, sequence, attempt);

                // A surrogate equal to some original of the job would make two rows collide or read as unmasked.
                var candidateHash = SurrogateHash(candidate);
                if (candidate == original || IsIssued(candidateHash) || IsOriginal(entityType, candidate))
                {
                    continue;
                }

                Insert(entityType, digest, _count, Seal(original), candidate, candidateHash);
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

            Flush();
            using var command = _connection.CreateCommand();
            command.Transaction = _transaction;
            command.CommandText = "SELECT f.sealed FROM issued i JOIN forward f ON f.seq = i.seq WHERE i.hash = $h AND f.surrogate = $s AND f.entity = $e";
            command.Parameters.AddWithValue("$h", SurrogateHash(surrogate));
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

            Flush();
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
    public void Dispose() => Close(deleteFile: true);

    /// <summary>
    /// Closes the store; a durable store's file stays when <paramref name="deleteFile"/> is false (the next opening
    /// under the same keys resumes from its last checkpoint).
    /// </summary>
    public void Close(bool deleteFile)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _transaction?.Dispose();
            _findSurrogate?.Dispose();
            _findDigest?.Dispose();
            _findIssued?.Dispose();
            _insertOne?.Dispose();
            _insertMany?.Dispose();
            _issueOne?.Dispose();
            _issueMany?.Dispose();

            _connection?.Dispose();
            _seal.Dispose();
            _digest.Dispose();
            _cache.Clear();
            if (!deleteFile && _durable)
            {
                return;
            }

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
            // A scratch file has no journal: a file left by a crashed process is emptied (its keys are gone with that
            // process, and the filters must describe the file). A durable file has a rollback journal (a killed writer's
            // uncommitted mappings are rolled back when it is reopened) and is kept, under the same keys. Either way a
            // bounded page cache keeps memory flat; synchronous=OFF survives the death of a process, not of its machine.
            // Mappings are appended (the sequence is the rowid); only the digest index (about 30 bytes per mapping) and
            // the issued hashes (about 15 bytes) take random inserts and lookups.
            setup.CommandText = $$"""
                PRAGMA journal_mode={{(_durable ? "DELETE" : "OFF")}}; PRAGMA synchronous=OFF; PRAGMA cache_size=-{{_pageCacheKilobytes}};
                {{(_durable ? "" : "DROP TABLE IF EXISTS forward; DROP TABLE IF EXISTS reverse; DROP TABLE IF EXISTS issued;")}}
                CREATE TABLE IF NOT EXISTS forward (seq INTEGER PRIMARY KEY, entity TEXT NOT NULL, digest BLOB NOT NULL, sealed BLOB NOT NULL,
                    surrogate TEXT NOT NULL);
                CREATE UNIQUE INDEX IF NOT EXISTS forward_digest ON forward (digest);
                CREATE TABLE IF NOT EXISTS issued (hash INTEGER PRIMARY KEY, seq INTEGER NOT NULL);
                """;
            setup.ExecuteNonQuery();
        }

        if (_durable)
        {
            LoadExisting(connection);
        }

        _connection = connection;
        // Positional parameters through SQLite's API: ADO.NET binds by name (a linear search per parameter) and
        // allocates a data reader per lookup; candidates of a full surrogate pool cost several lookups per value.
        _findSurrogate = new PreparedLookup(connection, "SELECT surrogate FROM forward WHERE digest = ?1");
        _findDigest = new PreparedLookup(connection, "SELECT 1 FROM forward WHERE digest = ?1");
        _findIssued = new PreparedLookup(connection, "SELECT 1 FROM issued WHERE hash = ?1");
        _insertOne = new RowInserter(connection, "INSERT INTO forward VALUES (?, ?, ?, ?, ?)");
        _insertMany = new RowInserter(connection, "INSERT INTO forward VALUES " + string.Join(", ", Enumerable.Repeat("(?, ?, ?, ?, ?)", RowsPerInsert)));
        _issueOne = new RowInserter(connection, "INSERT INTO issued VALUES (?, ?)");
        _issueMany = new RowInserter(connection, "INSERT INTO issued VALUES " + string.Join(", ", Enumerable.Repeat("(?, ?)", RowsPerInsert)));
    }

    // A reopened durable file: counts, per-entity sequences and the filters are rebuilt from what it holds.
    private void LoadExisting(SqliteConnection connection)
    {
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT entity, count(*) FROM forward GROUP BY entity";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var count = reader.GetInt32(1);
                _sequences[reader.GetString(0)] = count;
                _count += count;
            }
        }

        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT digest FROM forward";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                // Only when a job resumes after losing a silo: one array per stored mapping is acceptable here.
                _storedDigests.Add(DigestHash(reader.GetFieldValue<byte[]>(0)));
            }
        }

        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT hash FROM issued";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                _issuedSurrogates.Add((ulong)reader.GetInt64(0));
            }
        }
    }

    // The surrogate of a stored digest (null when none): pending mappings first, then the file unless the filter rules it out.
    private string? FindSurrogate(ReadOnlySpan<byte> digest)
    {
        if (_pendingByDigest.GetAlternateLookup<ReadOnlySpan<byte>>().TryGetValue(digest, out var pending))
        {
            return pending;
        }

        if (!_storedDigests.MayContain(DigestHash(digest)))
        {
            return null;
        }

        _findSurrogate!.Bind(1, digest);
        return _findSurrogate.FirstText();
    }

    // Whether a candidate is some original of this entity type (its digest is stored); the index alone answers it.
    private bool IsOriginal(string entityType, string candidate)
    {
        Span<byte> digest = stackalloc byte[DigestSize];
        Digest(entityType, candidate, digest);
        if (_pendingByDigest.GetAlternateLookup<ReadOnlySpan<byte>>().ContainsKey(digest))
        {
            return true;
        }

        if (!_storedDigests.MayContain(DigestHash(digest)))
        {
            return false;
        }

        _findDigest!.Bind(1, digest);
        return _findDigest.Exists();
    }

    private static ulong DigestHash(ReadOnlySpan<byte> digest) => BinaryPrimitives.ReadUInt64LittleEndian(digest);

    // 64 bits of an HMAC under this process's key (NUL-prefixed, so no entity's digest input looks the same): two
    // surrogates share one with a probability of about n / 2^64, which would only make the store pick another candidate.
    private long SurrogateHash(string surrogate)
    {
        Span<byte> digest = stackalloc byte[DigestSize];
        Digest(string.Empty, surrogate, digest);
        return BinaryPrimitives.ReadInt64LittleEndian(digest);
    }

    // Compared by hash, pending ones included, so the issued table's key is never violated.
    private bool IsIssued(long hash)
    {
        if (_pendingSurrogates.Contains(hash))
        {
            return true;
        }

        if (!_issuedSurrogates.MayContain((ulong)hash))
        {
            return false;
        }

        _findIssued!.Bind(1, hash);
        return _findIssued.Exists();
    }

    private void Insert(string entityType, byte[] digest, int sequence, byte[] sealedOriginal, string surrogate, long surrogateHash)
    {
        _pending.Add((entityType, digest, sequence, sealedOriginal, surrogate, surrogateHash));
        _pendingByDigest.Add(digest, surrogate);
        _pendingSurrogates.Add(surrogateHash);
        _storedDigests.Add(DigestHash(digest));
        _issuedSurrogates.Add((ulong)surrogateHash);
        if (_pending.Count == RowsPerInsert)
        {
            Flush();
        }
    }

    // Writes the pending mappings: one multi-row INSERT when the buffer is full, row by row for a partial buffer
    // (before a reverse lookup or a snapshot). All of them go into one transaction that is never committed: the file is
    // scratch (no journal, deleted at the end), and each commit wrote every dirty page of the randomly keyed B-trees,
    // most of the file at 100k mappings (1.4 page writes per row). Dirty pages now leave the bounded cache only when it
    // spills.
    private void Flush()
    {
        if (_pending.Count == 0)
        {
            return;
        }

        _transaction ??= _connection!.BeginTransaction();
        var rows = _pending.Count == RowsPerInsert ? RowsPerInsert : 1;
        var inserter = rows == RowsPerInsert ? _insertMany! : _insertOne!;
        var issuer = rows == RowsPerInsert ? _issueMany! : _issueOne!;
        for (var start = 0; start < _pending.Count; start += rows)
        {
            for (var i = 0; i < rows; i++)
            {
                var (entity, digest, sequence, sealedOriginal, surrogate, _) = _pending[start + i];
                _insertValues[5 * i] = CellValue.FromInteger(sequence);
                _insertValues[5 * i + 1] = CellValue.FromText(entity);
                _insertValues[5 * i + 2] = CellValue.FromBlob(digest);
                _insertValues[5 * i + 3] = CellValue.FromBlob(sealedOriginal);
                _insertValues[5 * i + 4] = CellValue.FromText(surrogate);
            }

            inserter.Insert(null, ImmutableCollectionsMarshal.AsImmutableArray(_insertValues)[..(5 * rows)]);
            for (var i = 0; i < rows; i++)
            {
                var pending = _pending[start + i];
                _insertValues[2 * i] = CellValue.FromInteger(pending.SurrogateHash);
                _insertValues[2 * i + 1] = CellValue.FromInteger(pending.Sequence);
            }

            issuer.Insert(null, ImmutableCollectionsMarshal.AsImmutableArray(_insertValues)[..(2 * rows)]);
        }

        _pending.Clear();
        _pendingByDigest.Clear();
        _pendingSurrogates.Clear();
    }

    private void Digest(string entityType, string value, Span<byte> digest)
    {
        // HMAC over UTF-8(entity NUL value) without intermediate strings; long values use a pooled buffer.
        var length = Encoding.UTF8.GetMaxByteCount(entityType.Length + 1 + value.Length);
        var rented = length > 1024 ? ArrayPool<byte>.Shared.Rent(length) : null;
        Span<byte> buffer = rented ?? stackalloc byte[1024];
        var written = Encoding.UTF8.GetBytes(entityType, buffer);
        buffer[written++] = 0;
        written += Encoding.UTF8.GetBytes(value, buffer[written..]);
        _digest.AppendData(buffer[..written]);
        Span<byte> full = stackalloc byte[32];
        _digest.GetHashAndReset(full);
        full[..DigestSize].CopyTo(digest); // HMAC-SHA256 truncated to 128 bits: collisions are out of reach
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private byte[] Seal(string original)
    {
        var plain = Encoding.UTF8.GetBytes(original);
        var sealedValue = new byte[NonceSize + TagSize + plain.Length];
        var nonce = sealedValue.AsSpan(0, NonceSize);
        BinaryPrimitives.WriteInt64LittleEndian(nonce, ++_nonce);
        BinaryPrimitives.WriteUInt32LittleEndian(nonce[8..], _nonceSession);
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
