using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using PiiOrleans.Tracks.Mapping;

namespace PiiOrleans.Tracks.Mapping;

/// <summary>
/// A Track-Veil-compatible <c>mapping.db</c>: team and run pseudonyms, report fingerprints, repair rules and the
/// run→team association. All mappings are cached in memory; writes are buffered and committed in one transaction by
/// <see cref="Flush"/> (or automatically when many are pending). Not thread-safe: the mapping grain serializes access.
/// </summary>
public sealed class MappingStore : IDisposable
{
    private const int AutoFlushThreshold = 50_000;

    private readonly SqliteConnection? _connection;
    private readonly HashSet<string> _tables;
    private readonly PseudonymTable _teams;
    private readonly PseudonymTable _runs;
    private readonly Dictionary<string, (FingerprintRecord Record, string CreatedAt)> _pendingFingerprints = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _runTeams = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Team, string UpdatedAt)> _pendingRunTeams = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Hash, string Team), RepairRule> _repairRules = [];
    private SqliteCommand? _fingerprintLookup;
    private long _storedFingerprints;
    private bool _indicesDirty;
    private bool _disposed;

    private MappingStore(string path, MappingOpenOptions options, SqliteConnection? connection)
    {
        DatabasePath = path;
        IsReadOnly = options.ReadOnly;
        _connection = connection;
        _tables = connection is null ? [] : ReadTableNames(connection);
        Seed = ResolveSeed(options);
        var (teamIndex, runIndex) = ReadPoolIndices();
        var teamPool = PseudonymPool.ForTeams(Seed);
        var runPool = PseudonymPool.ForRuns(Seed);
        _teams = new PseudonymTable(PseudonymKind.Team, teamPool, teamIndex, options.AllowPoolExtension ? teamPool.Capacity : teamPool.CompatibleCount);
        _runs = new PseudonymTable(PseudonymKind.Run, runPool, runIndex, options.AllowPoolExtension ? runPool.Capacity : runPool.CompatibleCount);
        LoadMappings("team_mappings", _teams);
        LoadMappings("run_mappings", _runs);
        LoadRunTeams();
        LoadRepairRules();
        _storedFingerprints = _tables.Contains("report_fingerprints") ? ScalarLong("SELECT COUNT(*) FROM report_fingerprints") : 0;
    }

    /// <summary>The database file.</summary>
    public string DatabasePath { get; }

    /// <summary>True when opened read-only: nothing is ever written (no seed either, unlike Track Veil).</summary>
    public bool IsReadOnly { get; }

    /// <summary>The seed of the pools: stored, given for a new DB, or (read-only without a stored seed) a throw-away random one.</summary>
    public BigInteger Seed { get; }

    /// <summary>Team mappings in insertion order.</summary>
    public IReadOnlyList<MappingPair> Teams => _teams.Ordered;

    /// <summary>Run mappings in insertion order.</summary>
    public IReadOnlyList<MappingPair> Runs => _runs.Ordered;

    /// <summary>How many mappings this instance has created (lets callers see whether a batch added names).</summary>
    public long CreatedMappings { get; private set; }

    /// <summary>Rows waiting for <see cref="Flush"/>.</summary>
    public int PendingWrites =>
        _teams.PendingRows.Count + _runs.PendingRows.Count + _teams.PendingInvalidated.Count + _runs.PendingInvalidated.Count
        + _pendingFingerprints.Count + _pendingRunTeams.Count;

    /// <summary>
    /// Opens (and, unless read-only, creates) the mapping database at <paramref name="path"/>. Throws
    /// <see cref="MappingStoreException"/> for a file that is not a mapping database and <see cref="SeedMismatchException"/>
    /// when <see cref="MappingOpenOptions.Seed"/> differs from the stored seed.
    /// </summary>
    public static MappingStore Open(string path, MappingOpenOptions? options = null)
    {
        options ??= MappingOpenOptions.Default;
        string fullPath = Path.GetFullPath(path);
        if (Directory.Exists(fullPath))
        {
            throw new MappingStoreException($"Mapping database '{path}' is a directory. Pass the path of a mapping.db file with -m.", path);
        }

        SqliteConnection? connection = null;
        try
        {
            if (!options.ReadOnly || File.Exists(fullPath))
            {
                if (!options.ReadOnly)
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
                }

                connection = new SqliteConnection(new SqliteConnectionStringBuilder
                {
                    DataSource = fullPath,
                    Mode = options.ReadOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
                    Pooling = false,
                }.ToString());
                connection.Open();
                // A larger page cache (per connection, not stored in the file) keeps the fingerprint index in memory.
                Execute(connection, "PRAGMA cache_size = -65536;");
                if (!options.ReadOnly)
                {
                    Execute(connection, MappingSchema.TrackVeilTables + MappingSchema.AdditiveTables);
                }
            }

            return new MappingStore(path, options, connection);
        }
        catch (SqliteException ex)
        {
            connection?.Dispose();
            throw Describe(ex, path);
        }
        catch
        {
            connection?.Dispose();
            throw;
        }
    }

    /// <summary>The team pseudonym of <paramref name="original"/>, created from the pool when missing.</summary>
    public string GetOrCreateTeam(string original) => GetOrCreate(_teams, original);

    /// <summary>The run pseudonym of <paramref name="original"/>, created from the pool when missing.</summary>
    public string GetOrCreateRun(string original) => GetOrCreate(_runs, original);

    /// <summary>The existing team pseudonym, or null.</summary>
    public string? GetTeam(string original) => _teams.Find(original);

    /// <summary>The existing run pseudonym, or null.</summary>
    public string? GetRun(string original) => _runs.Find(original);

    /// <summary>
    /// Checks that <paramref name="teamsNeeded"/> new teams and <paramref name="runsNeeded"/> new runs can still be named;
    /// throws <see cref="PseudonymPoolExhaustedException"/> otherwise. Allocates nothing.
    /// </summary>
    public PoolReservation EnsureCapacity(int teamsNeeded, int runsNeeded)
    {
        int teamsAvailable = _teams.CountAvailable(teamsNeeded, out int teamEnd);
        int runsAvailable = _runs.CountAvailable(runsNeeded, out int runEnd);
        ThrowIfShort(_teams, teamsNeeded, teamsAvailable);
        ThrowIfShort(_runs, runsNeeded, runsAvailable);
        return new PoolReservation(
            teamsNeeded,
            runsNeeded,
            teamsAvailable,
            runsAvailable,
            teamEnd > _teams.Pool.CompatibleCount,
            runEnd > _runs.Pool.CompatibleCount);
    }

    /// <summary>Like <see cref="EnsureCapacity"/> for the distinct names of a plan that have no mapping yet.</summary>
    public PoolReservation Reserve(IEnumerable<string> teams, IEnumerable<string> runs) =>
        EnsureCapacity(CountNew(_teams, teams), CountNew(_runs, runs));

    /// <summary>The pseudonyms the names have or would get, in order, without storing anything (exhausted: empty string).</summary>
    public AllocationPreview Preview(IEnumerable<string> teams, IEnumerable<string> runs) =>
        new(_teams.Preview(teams, out _, out _), _runs.Preview(runs, out _, out _));

    /// <summary>Buffers a fingerprint; the first record per fingerprint wins (Track Veil's INSERT OR IGNORE).</summary>
    public void RecordFingerprint(FingerprintRecord record) => RecordFingerprints([record]);

    /// <summary>Buffers fingerprints; the first record per fingerprint wins.</summary>
    public void RecordFingerprints(IEnumerable<FingerprintRecord> records)
    {
        ThrowIfReadOnly();
        string now = PythonIsoTimestamp.Now();
        foreach (var record in records)
        {
            _pendingFingerprints.TryAdd(record.Fingerprint, (record, now));
        }

        AutoFlush();
    }

    /// <summary>The stored record of <paramref name="fingerprint"/> (lower-case hex), or null.</summary>
    public FingerprintRecord? LookupFingerprint(string fingerprint)
    {
        ThrowIfDisposed();
        if (_connection is not null && _tables.Contains("report_fingerprints"))
        {
            _fingerprintLookup ??= Prepare("SELECT original_team, original_run, topic_id, anon_team, anon_run FROM report_fingerprints WHERE fingerprint = $f", "$f");
            _fingerprintLookup.Parameters[0].Value = fingerprint;
            using var reader = _fingerprintLookup.ExecuteReader();
            if (reader.Read())
            {
                return new FingerprintRecord(fingerprint, reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4));
            }
        }

        return _pendingFingerprints.TryGetValue(fingerprint, out var pending) ? pending.Record : null;
    }

    /// <summary>Remembers the original team of a run (last one wins); persisted in <c>run_team_associations</c>.</summary>
    public void RecordRunTeam(string run, string team)
    {
        ThrowIfReadOnly();
        _runTeams[run] = team;
        _pendingRunTeams[run] = (team, PythonIsoTimestamp.Now());
        AutoFlush();
    }

    /// <summary>The recorded original team of <paramref name="run"/>, or null.</summary>
    public string? GetRunTeam(string run) => _runTeams.GetValueOrDefault(run);

    /// <summary>The team's rule for <paramref name="patternHash"/>, else the global rule, else null (spec §7.3).</summary>
    public RepairRule? FindRepairRule(string patternHash, string? teamId)
    {
        if (!string.IsNullOrEmpty(teamId) && _repairRules.TryGetValue((patternHash, teamId), out var own))
        {
            return own;
        }

        return _repairRules.GetValueOrDefault((patternHash, string.Empty));
    }

    /// <summary>
    /// Saves a rule, replacing the rule with the same pattern hash and team. Global rules keep Track Veil's NULL team_id;
    /// the old row is deleted first in the same transaction, so global rules no longer pile up (BUG-16).
    /// </summary>
    public void SaveRepairRule(RepairRule rule)
    {
        ThrowIfReadOnly();
        string? team = string.IsNullOrEmpty(rule.TeamId) ? null : rule.TeamId;
        var stored = rule with { TeamId = team };
        try
        {
            using var transaction = _connection!.BeginTransaction();
            using (var delete = _connection.CreateCommand())
            {
                delete.Transaction = transaction;
                delete.CommandText = "DELETE FROM repair_rules WHERE pattern_hash = $h AND IFNULL(team_id, '') = $t";
                delete.Parameters.AddWithValue("$h", rule.PatternHash);
                delete.Parameters.AddWithValue("$t", team ?? string.Empty);
                delete.ExecuteNonQuery();
            }

            using (var insert = _connection.CreateCommand())
            {
                insert.Transaction = transaction;
                insert.CommandText = """
                    INSERT INTO repair_rules (pattern_hash, field_path, original_type, expected_type, action, params, sample_value, team_id, created_at)
                    VALUES ($h, $f, $o, $e, $a, $p, $s, $t, $c)
                    """;
                insert.Parameters.AddWithValue("$h", rule.PatternHash);
                insert.Parameters.AddWithValue("$f", rule.FieldPath);
                insert.Parameters.AddWithValue("$o", rule.OriginalType);
                insert.Parameters.AddWithValue("$e", rule.ExpectedType);
                insert.Parameters.AddWithValue("$a", rule.Action);
                insert.Parameters.AddWithValue("$p", rule.Parameters);
                insert.Parameters.AddWithValue("$s", (object?)rule.SampleValue ?? DBNull.Value);
                insert.Parameters.AddWithValue("$t", (object?)team ?? DBNull.Value);
                insert.Parameters.AddWithValue("$c", PythonIsoTimestamp.Now());
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }
        catch (SqliteException ex)
        {
            throw Describe(ex, DatabasePath);
        }

        _repairRules[(rule.PatternHash, team ?? string.Empty)] = stored;
    }

    /// <summary>Counts for summaries and <c>show-mapping</c>; flushes pending writes first so the fingerprint count is exact.</summary>
    public MappingStatistics GetStatistics()
    {
        if (!IsReadOnly)
        {
            Flush();
        }

        return new MappingStatistics(
            _teams.Count,
            _runs.Count,
            _storedFingerprints,
            _teams.PoolIndex,
            _runs.PoolIndex,
            Math.Max(0, PseudonymPool.TrackVeilTeamCount - _teams.PoolIndex),
            Math.Max(0, PseudonymPool.TrackVeilRunCount - _runs.PoolIndex),
            Math.Max(0, _teams.Limit - _teams.PoolIndex),
            Math.Max(0, _runs.Limit - _runs.PoolIndex));
    }

    /// <summary>Writes every buffered row (mappings, invalidated names, pool indices, fingerprints, associations) in one transaction.</summary>
    public void Flush()
    {
        ThrowIfDisposed();
        if (IsReadOnly || (PendingWrites == 0 && !_indicesDirty))
        {
            return;
        }

        var connection = _connection!;
        try
        {
            using var transaction = connection.BeginTransaction();
            WriteInvalidated(connection, transaction, _teams);
            WriteInvalidated(connection, transaction, _runs);
            WriteMappings(connection, transaction, "team_mappings", _teams);
            WriteMappings(connection, transaction, "run_mappings", _runs);
            long inserted = WriteFingerprints(connection, transaction);
            WriteRunTeams(connection, transaction);
            if (_indicesDirty)
            {
                // Track Veil writes both indices after every insertion; we write them once per batch.
                using var command = Command(connection, transaction, "INSERT OR REPLACE INTO metadata (key, value) VALUES ($k, $v)", "$k", "$v");
                SetAndRun(command, MappingSchema.TeamPoolIndexKey, _teams.PoolIndex.ToString(CultureInfo.InvariantCulture));
                SetAndRun(command, MappingSchema.RunPoolIndexKey, _runs.PoolIndex.ToString(CultureInfo.InvariantCulture));
            }

            transaction.Commit();
            _storedFingerprints += inserted;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 19)
        {
            throw new MappingStoreException(
                $"Mapping database '{DatabasePath}' was changed by another program while this job ran (a pseudonym is already taken). "
                + "Run jobs on one mapping database one at a time, then run this job again.",
                DatabasePath,
                ex);
        }
        catch (SqliteException ex)
        {
            throw Describe(ex, DatabasePath);
        }

        _teams.ClearPending();
        _runs.ClearPending();
        _pendingFingerprints.Clear();
        _pendingRunTeams.Clear();
        _indicesDirty = false;
    }

    /// <summary>Flushes pending writes (unless read-only) and closes the database.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        try
        {
            Flush();
        }
        finally
        {
            _disposed = true;
            _fingerprintLookup?.Dispose();
            _connection?.Dispose();
        }
    }

    private string GetOrCreate(PseudonymTable table, string original)
    {
        ThrowIfDisposed();
        var existing = table.Find(original);
        if (existing is not null)
        {
            return existing;
        }

        ThrowIfReadOnly();
        int before = table.PoolIndex;
        var name = table.GetOrCreate(original);
        _indicesDirty |= table.PoolIndex != before;
        if (name is null)
        {
            ThrowIfShort(table, 1, 0);
        }

        CreatedMappings++;
        AutoFlush();
        return name!;
    }

    private static int CountNew(PseudonymTable table, IEnumerable<string> originals)
    {
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        foreach (var original in originals)
        {
            if (table.Find(original) is null)
            {
                distinct.Add(original);
            }
        }

        return distinct.Count;
    }

    private void ThrowIfShort(PseudonymTable table, int needed, int available)
    {
        if (available >= needed)
        {
            return;
        }

        string kind = table.Kind == PseudonymKind.Team ? "team" : "run";
        string extension = table.Limit < table.Pool.Capacity
            ? " Pool extension is switched off; allow it to continue past Track Veil's pool sizes."
            : " Use a separate mapping database for unrelated data.";
        throw new PseudonymPoolExhaustedException(
            $"The {kind} pseudonym pool of mapping database '{DatabasePath}' is exhausted: {needed} new {kind} names are needed, "
            + $"{available} are left (pool index {table.PoolIndex} of {table.Limit}). Nothing was written.{extension}",
            DatabasePath,
            table.Kind,
            needed,
            available);
    }

    private void AutoFlush()
    {
        if (PendingWrites >= AutoFlushThreshold)
        {
            Flush();
        }
    }

    private void ThrowIfReadOnly()
    {
        ThrowIfDisposed();
        if (IsReadOnly)
        {
            throw new InvalidOperationException($"Mapping database '{DatabasePath}' is open read-only; open it writable to add mappings.");
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    private BigInteger ResolveSeed(MappingOpenOptions options)
    {
        string? stored = ReadMetadata(MappingSchema.SeedKey);
        if (stored is not null)
        {
            if (!BigInteger.TryParse(stored, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var storedSeed))
            {
                throw new MappingStoreException(
                    $"Mapping database '{DatabasePath}' has a metadata seed that is not an integer. Restore the file from a backup.",
                    DatabasePath);
            }

            if (options.Seed is { } given && given != storedSeed)
            {
                // Track Veil's wording (spec §5.2), so users of both tools recognize it.
                throw new SeedMismatchException(
                    $"Seed mismatch: DB has seed={stored}, but seed={given} was provided. Use existing DB seed or create new DB. (database '{DatabasePath}')",
                    DatabasePath);
            }

            return storedSeed;
        }

        BigInteger seed = options.Seed ?? RandomNumberGenerator.GetInt32(int.MaxValue);
        if (!IsReadOnly)
        {
            using var transaction = _connection!.BeginTransaction();
            using var command = Command(_connection, transaction, "INSERT OR REPLACE INTO metadata (key, value) VALUES ($k, $v)", "$k", "$v");
            SetAndRun(command, MappingSchema.SeedKey, seed.ToString(CultureInfo.InvariantCulture));
            SetAndRun(command, MappingSchema.CreatedAtKey, PythonIsoTimestamp.Now());
            transaction.Commit();
        }

        return seed;
    }

    private (int Team, int Run) ReadPoolIndices()
    {
        string? team = ReadMetadata(MappingSchema.TeamPoolIndexKey);
        string? run = ReadMetadata(MappingSchema.RunPoolIndexKey);
        if (team is null || run is null)
        {
            // Track Veil resumes only when both are present (spec §5.3); collisions then skip the used names.
            return (0, 0);
        }

        if (!int.TryParse(team, NumberStyles.None, CultureInfo.InvariantCulture, out int teamIndex)
            || !int.TryParse(run, NumberStyles.None, CultureInfo.InvariantCulture, out int runIndex))
        {
            throw new MappingStoreException(
                $"Mapping database '{DatabasePath}' has pool indices that are not non-negative integers. Delete the metadata rows "
                + "'team_pool_index' and 'run_pool_index' to restart the pools (used names are then skipped).",
                DatabasePath);
        }

        return (teamIndex, runIndex);
    }

    private string? ReadMetadata(string key)
    {
        if (_connection is null || !_tables.Contains("metadata"))
        {
            return null;
        }

        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT value FROM metadata WHERE key = $k";
        command.Parameters.AddWithValue("$k", key);
        return command.ExecuteScalar() as string;
    }

    private void LoadMappings(string table, PseudonymTable target)
    {
        if (_connection is null || !_tables.Contains(table))
        {
            return;
        }

        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT original, anonymized FROM {table} ORDER BY rowid";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            target.Load(reader.GetString(0), reader.GetString(1));
        }
    }

    private void LoadRunTeams()
    {
        if (_connection is null || !_tables.Contains("run_team_associations"))
        {
            return;
        }

        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT run, team FROM run_team_associations";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            _runTeams[reader.GetString(0)] = reader.GetString(1);
        }
    }

    private void LoadRepairRules()
    {
        if (_connection is null || !_tables.Contains("repair_rules"))
        {
            return;
        }

        using var command = _connection.CreateCommand();
        // Row order: when Track Veil left duplicate global rules (BUG-16), the newest one wins.
        command.CommandText = """
            SELECT pattern_hash, field_path, original_type, expected_type, action, params, sample_value, team_id
            FROM repair_rules ORDER BY rowid
            """;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            string? team = reader.IsDBNull(7) ? null : reader.GetString(7);
            var rule = new RepairRule(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                string.IsNullOrEmpty(team) ? null : team);
            _repairRules[(rule.PatternHash, team ?? string.Empty)] = rule;
        }
    }

    private long ScalarLong(string sql)
    {
        using var command = _connection!.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = _connection!.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, SqliteType.Text));
        }

        command.Prepare();
        return command;
    }

    private static void WriteInvalidated(SqliteConnection connection, SqliteTransaction transaction, PseudonymTable table)
    {
        if (table.PendingInvalidated.Count == 0)
        {
            return;
        }

        using var command = Command(connection, transaction, "INSERT OR IGNORE INTO invalidated_names (name_type, name, invalidated_at) VALUES ($k, $n, $t)", "$k", "$n", "$t");
        string kind = table.Kind == PseudonymKind.Team ? "team" : "run";
        foreach (var (name, at) in table.PendingInvalidated)
        {
            SetAndRun(command, kind, name, at);
        }
    }

    private static void WriteMappings(SqliteConnection connection, SqliteTransaction transaction, string tableName, PseudonymTable table)
    {
        if (table.PendingRows.Count == 0)
        {
            return;
        }

        using var command = Command(connection, transaction, $"INSERT INTO {tableName} (original, anonymized, created_at) VALUES ($o, $a, $t)", "$o", "$a", "$t");
        foreach (var (original, anonymized, at) in table.PendingRows)
        {
            SetAndRun(command, original, anonymized, at);
        }
    }

    private long WriteFingerprints(SqliteConnection connection, SqliteTransaction transaction)
    {
        if (_pendingFingerprints.Count == 0)
        {
            return 0;
        }

        using var command = Command(
            connection,
            transaction,
            """
            INSERT OR IGNORE INTO report_fingerprints (fingerprint, original_team, original_run, topic_id, anon_team, anon_run, created_at)
            VALUES ($f, $ot, $or, $tp, $at, $ar, $c)
            """,
            "$f", "$ot", "$or", "$tp", "$at", "$ar", "$c");
        long inserted = 0;
        // Key order turns random B-tree inserts into appends within each page: far fewer pages touched and journaled.
        foreach (var (record, at) in _pendingFingerprints.Values.OrderBy(p => p.Record.Fingerprint, StringComparer.Ordinal))
        {
            inserted += SetAndRun(command, record.Fingerprint, record.OriginalTeam, record.OriginalRun, record.TopicId, record.AnonTeam, record.AnonRun, at);
        }

        return inserted;
    }

    private void WriteRunTeams(SqliteConnection connection, SqliteTransaction transaction)
    {
        if (_pendingRunTeams.Count == 0)
        {
            return;
        }

        using var command = Command(connection, transaction, "INSERT OR REPLACE INTO run_team_associations (run, team, updated_at) VALUES ($r, $t, $u)", "$r", "$t", "$u");
        foreach (var (run, (team, at)) in _pendingRunTeams)
        {
            SetAndRun(command, run, team, at);
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, SqliteType.Text));
        }

        command.Prepare();
        return command;
    }

    private static int SetAndRun(SqliteCommand command, params string[] values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        return command.ExecuteNonQuery();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static HashSet<string> ReadTableNames(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
        using var reader = command.ExecuteReader();
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static MappingStoreException Describe(SqliteException ex, string path) => ex.SqliteErrorCode switch
    {
        26 => new MappingStoreException($"'{path}' is not a SQLite mapping database. Check the -m path.", path, ex),
        8 => new MappingStoreException($"Mapping database '{path}' cannot be written (read-only file or folder). Check its permissions.", path, ex),
        5 or 6 => new MappingStoreException($"Mapping database '{path}' is locked by another program. Close it and try again.", path, ex),
        14 => new MappingStoreException($"Mapping database '{path}' cannot be opened. Check that the folder exists and is accessible.", path, ex),
        _ => new MappingStoreException($"Mapping database '{path}' could not be used (SQLite error {ex.SqliteErrorCode}). Check that it is an intact mapping.db.", path, ex),
    };
}
