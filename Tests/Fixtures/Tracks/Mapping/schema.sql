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
