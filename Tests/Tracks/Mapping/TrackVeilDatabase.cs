using Microsoft.Data.Sqlite;

namespace PiiOrleans.Tests.Tracks.Mapping;

/// <summary>Writes databases the way Track Veil (Python) does, with raw SQL: its exact schema, metadata keys and isoformat timestamps.</summary>
public static class TrackVeilDatabase
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS metadata (
            key TEXT PRIMARY KEY,
            value TEXT
        );
        CREATE TABLE IF NOT EXISTS team_mappings (
            original TEXT PRIMARY KEY,
            anonymized TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS run_mappings (
            original TEXT PRIMARY KEY,
            anonymized TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS report_fingerprints (
            fingerprint TEXT PRIMARY KEY,
            original_team TEXT NOT NULL,
            original_run TEXT NOT NULL,
            topic_id TEXT NOT NULL,
            anon_team TEXT NOT NULL,
            anon_run TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS invalidated_names (
            name_type TEXT NOT NULL,
            name TEXT NOT NULL,
            invalidated_at TEXT NOT NULL,
            PRIMARY KEY (name_type, name)
        );
        CREATE TABLE IF NOT EXISTS repair_rules (
            pattern_hash TEXT NOT NULL,
            field_path TEXT NOT NULL,
            original_type TEXT NOT NULL,
            expected_type TEXT NOT NULL,
            action TEXT NOT NULL,
            params TEXT NOT NULL,
            sample_value TEXT,
            team_id TEXT,
            created_at TEXT NOT NULL,
            PRIMARY KEY (pattern_hash, team_id)
        );
        """;

    /// <summary>
    /// The state after Track Veil's run A on <c>data/fake</c> with seed 42 (spec §5.3): 3 teams, 6 runs, indices 3 and 6,
    /// two fingerprints, one team rule and two duplicate global rules (BUG-16).
    /// </summary>
    public static void CreateRunA(string path, bool withPoolIndices = true)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        Execute(connection, Schema);
        Execute(connection, """
            INSERT INTO metadata VALUES ('seed', '42');
            INSERT INTO metadata VALUES ('created_at', '2026-11-22T09:35:16.035215');
            INSERT INTO team_mappings VALUES ('team1', 'T873', '2026-11-22T09:35:16.040001');
            INSERT INTO team_mappings VALUES ('team.org', 'T507', '2026-11-22T09:35:16');
            INSERT INTO team_mappings VALUES ('team2', 'T895', '2026-11-22T09:35:16.050003');
            INSERT INTO run_mappings VALUES ('team1-run1', 'tulips', '2026-11-22T09:35:16.040000');
            INSERT INTO run_mappings VALUES ('team.org-run.v1', 'weevl', '2026-11-22T09:35:16.040100');
            INSERT INTO run_mappings VALUES ('team2-run2', 'algae', '2026-11-22T09:35:16.040200');
            INSERT INTO run_mappings VALUES ('team1-run2', 'scarab', '2026-11-22T09:35:16.040300');
            INSERT INTO run_mappings VALUES ('team2-run1', 'bug', '2026-11-22T09:35:16.040400');
            INSERT INTO run_mappings VALUES ('team.org-run.v2', 'radish', '2026-11-22T09:35:16.040500');
            INSERT INTO report_fingerprints VALUES ('d1ab7541174f34b61a4258552c78fe26463197fa07d7f7ffa794aba714727854', 'team1', 'team1-run1', '983', 'T873', 'tulips', '2026-11-22T09:35:16.060000');
            INSERT INTO report_fingerprints VALUES ('5a34c49d7b9189c8c6803c5ec00c29ca98b801b4f5497ea8f5d14c8df6684b33', 'team.org', 'team.org-run.v1', '995', 'T507', 'weevl', '2026-11-22T09:35:16.060100');
            INSERT INTO repair_rules VALUES ('550d9182cef0e456', 'metadata.narrative', 'dict', 'str', 'extract_key', '{"key": "text"}', '{"title": "T", "text": "Body"}', 'tA', '2026-11-22T09:35:16.070000');
            INSERT INTO repair_rules VALUES ('9d29a758a4c55413', 'metadata.narrative', 'NoneType', 'str', 'drop_field', '{}', NULL, NULL, '2026-11-22T09:35:16.070100');
            INSERT INTO repair_rules VALUES ('9d29a758a4c55413', 'metadata.narrative', 'NoneType', 'str', 'skip_record', '{}', NULL, NULL, '2026-11-22T09:35:16.070200');
            """);
        if (withPoolIndices)
        {
            Execute(connection, "INSERT INTO metadata VALUES ('team_pool_index', '3'); INSERT INTO metadata VALUES ('run_pool_index', '6');");
        }
    }

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static List<string[]> Query(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            var row = new string[reader.FieldCount];
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!;
            }

            rows.Add(row);
        }

        return rows;
    }
}
