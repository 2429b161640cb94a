namespace PiiOrleans.Tracks.Mapping;

/// <summary>The SQL of <c>mapping.db</c>: Track Veil's exact tables, plus one additive table Track Veil ignores.</summary>
internal static class MappingSchema
{
    /// <summary>Track Veil's schema, verbatim (spec §5.1), so either tool can open the other's file.</summary>
    public const string TrackVeilTables = """
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

    /// <summary>Our addition (LIMIT-10): the run→team association, persisted so the mismatch check works across invocations.</summary>
    public const string AdditiveTables = """
        CREATE TABLE IF NOT EXISTS run_team_associations (
            run TEXT PRIMARY KEY,
            team TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        """;

    public const string SeedKey = "seed";
    public const string CreatedAtKey = "created_at";
    public const string TeamPoolIndexKey = "team_pool_index";
    public const string RunPoolIndexKey = "run_pool_index";
}
