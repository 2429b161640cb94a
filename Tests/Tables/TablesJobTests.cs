using System.Collections.Immutable;
using System.Text.Json;
using PiiOrleans.Grains.Interfaces.Jobs;
using PiiOrleans.Grains.Tables;
using PiiOrleans.Tables;

namespace PiiOrleans.Tests.Tables;

/// <summary>The SQLite side of the tables pipeline, with a stand-in engine: schema fidelity, order, failures, atomicity.</summary>
public sealed class TablesJobTests : IDisposable
{
    private readonly TestDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private static async Task<TablesJobResult> RunAsync(TestDatabase db, FakeCellAnonymizer? engine = null, bool full = true, int batchSize = 2,
        string? input = null, string? outputDirectory = null, List<RecordingJobContext>? contexts = null,
        Func<string, IGrainFactory, RecordingJobContext>? newContext = null)
    {
        engine ??= new FakeCellAnonymizer();
        var setup = new TablesEngineSetup(engine, true, batchSize, true, 4, ["EMAIL_ADDRESS"], "none", ["en"]);
        var parameters = new TablesJobParameters(input ?? db.InputPath, outputDirectory ?? db.OutputDirectory, null, full, batchSize, 3);
        var spec = TablesEngineSpec.Create(null, null, Path.GetFullPath(parameters.Input));
        return await SharedTablesSilo.RunAsync(engine, grains =>
        {
            var jobId = SharedTablesSilo.NewJobId();
            var context = newContext?.Invoke(jobId, grains) ?? new RecordingJobContext(jobId, grains);
            contexts?.Add(context);
            return new TablesJob(context, parameters, setup, spec).RunAsync(CancellationToken.None);
        });
    }

    [Fact]
    public async Task CopiesEveryTableInRowidOrderWithTypesAndGaps()
    {
        _db.Execute("""
            CREATE TABLE results (id INTEGER PRIMARY KEY, email VARCHAR(255), note, amount REAL, data BLOB, n INT);
            INSERT INTO results VALUES (10, 'alice@example.com', 'write to bob@example.org now', 1.5, x'00ff', 7);
            INSERT INTO results VALUES (3, NULL, 12345, NULL, NULL, NULL);
            INSERT INTO results VALUES (42, 'carol@example.com', 'nothing here', 2.25, x'01', -1);
            CREATE TABLE plain (a TEXT, b INTEGER);
            INSERT INTO plain VALUES ('x', 1), ('y', 2), ('z', 3);
            DELETE FROM plain WHERE a = 'y';
            INSERT INTO plain VALUES ('w', 4);
            """);

        var result = await RunAsync(_db);

        Assert.Equal(TablesExitCodes.Success, result.ExitCode);
        var rows = TestDatabase.Query(_db.OutputPath, "SELECT id, email, note, amount, data, n, typeof(note), typeof(n) FROM results ORDER BY rowid");
        Assert.Equal(3, rows.Count);
        Assert.Equal(new object?[] { 3L, null, 12345L, null, null, null, "integer", "null" }, rows[0]);
        Assert.Equal(10L, rows[1][0]);
        Assert.Equal("a****************", rows[1][1]);
        Assert.Equal("write to <EMAIL> now", rows[1][2]);
        Assert.Equal(1.5, rows[1][3]);
        Assert.Equal(new byte[] { 0x00, 0xff }, rows[1][4]);
        Assert.Equal(new object?[] { 42L, "c****************", "nothing here", 2.25, new byte[] { 1 }, -1L, "text", "integer" }, rows[2]);
        var plain = TestDatabase.Query(_db.OutputPath, "SELECT rowid, a, b FROM plain ORDER BY rowid");
        Assert.Equal([1L, 3L, 4L], plain.Select(r => r[0]));
        Assert.Equal(["x", "z", "w"], plain.Select(r => r[1]));
    }

    [Fact]
    public async Task RecreatesSchemaIndexesViewsAndTriggersFromTheirExactStatements()
    {
        _db.Execute("""
            CREATE TABLE users (user_id TEXT NOT NULL, email TEXT, score INTEGER DEFAULT 0 CHECK (score >= 0), PRIMARY KEY (user_id), UNIQUE (email));
            CREATE INDEX users_score ON users (score DESC);
            CREATE UNIQUE INDEX users_upper ON users (user_id, score);
            CREATE TABLE audit (id INTEGER PRIMARY KEY AUTOINCREMENT, what TEXT);
            CREATE VIEW high AS SELECT user_id FROM users WHERE score > 5;
            CREATE TRIGGER users_audit AFTER INSERT ON users BEGIN INSERT INTO audit (what) VALUES ('insert'); END;
            INSERT INTO users VALUES ('u1', 'a@example.com', 3), ('u2', 'b@example.com', 9);
            DELETE FROM audit WHERE id = 2;
            """);
        var expected = TestDatabase.Query(_db.InputPath, "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name");

        var result = await RunAsync(_db);

        Assert.Equal(TablesExitCodes.Success, result.ExitCode);
        var actual = TestDatabase.Query(_db.OutputPath, "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name");
        Assert.Equal(expected, actual);
        // The trigger exists but did not fire during the copy: audit holds exactly the input's row.
        Assert.Equal([1L], TestDatabase.Query(_db.OutputPath, "SELECT id FROM audit").Select(r => r[0]));
        Assert.Equal(TestDatabase.Query(_db.InputPath, "SELECT name, seq FROM sqlite_sequence"),
            TestDatabase.Query(_db.OutputPath, "SELECT name, seq FROM sqlite_sequence"));
        Assert.Equal(["u2"], TestDatabase.Query(_db.OutputPath, "SELECT user_id FROM high").Select(r => r[0]));
    }

    [Fact]
    public async Task HandlesReservedWordsSpacesAndQuotesInNames()
    {
        _db.Execute("""
            CREATE TABLE "order" ("group" TEXT, "e mail" TEXT, "select""x" INTEGER);
            INSERT INTO "order" VALUES ('g1', 'dan@example.com', 1), ('g2', NULL, 2);
            """);

        var result = await RunAsync(_db);

        Assert.Equal(TablesExitCodes.Success, result.ExitCode);
        var rows = TestDatabase.Query(_db.OutputPath, "SELECT \"group\", \"e mail\", \"select\"\"x\" FROM \"order\" ORDER BY rowid");
        Assert.Equal(new object?[] { "g1", "d**************", 1L }, rows[0]);
        Assert.Equal(new object?[] { "g2", null, 2L }, rows[1]);
    }

    [Fact]
    public async Task CopiesWithoutRowIdAndCompositeKeysWithoutLosingRows()
    {
        _db.Execute("""
            CREATE TABLE kv (k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID;
            INSERT INTO kv VALUES ('b', 'two'), ('a', 'one'), ('c', 'three');
            CREATE TABLE pair (a TEXT, b INTEGER, v TEXT, PRIMARY KEY (a, b));
            INSERT INTO pair VALUES ('x', 1, 'p'), ('x', 2, 'q'), ('y', 1, 'r');
            """);

        var result = await RunAsync(_db);

        Assert.Equal(TablesExitCodes.Success, result.ExitCode);
        Assert.Equal(["a", "b", "c"], TestDatabase.Query(_db.OutputPath, "SELECT k FROM kv").Select(r => r[0]));
        Assert.Contains("WITHOUT ROWID", (string)TestDatabase.Query(_db.OutputPath, "SELECT sql FROM sqlite_master WHERE name = 'kv'")[0][0]!);
        Assert.Equal(3, TestDatabase.Query(_db.OutputPath, "SELECT * FROM pair").Count);
    }

    [Fact]
    public async Task CopiesEmptyTablesAndEmptyDatabases()
    {
        _db.Execute("CREATE TABLE empty (a TEXT, b BLOB);");

        var result = await RunAsync(_db);

        Assert.Equal(TablesExitCodes.Success, result.ExitCode);
        Assert.Empty(TestDatabase.Query(_db.OutputPath, "SELECT * FROM empty"));
        using var report = JsonDocument.Parse(File.ReadAllBytes(_db.ReportPath));
        Assert.Equal(0, report.RootElement.GetProperty("processing_stats").GetProperty("total_rows").GetInt64());
    }

    [Fact]
    public async Task NonUtf8TextFailsWithTheTableColumnAndRowAndPublishesNothing()
    {
        _db.Execute("CREATE TABLE t (name TEXT, bio TEXT); INSERT INTO t VALUES ('ok', 'fine'); INSERT INTO t VALUES ('bad', CAST(x'48e96c6c6f' AS TEXT));");

        var result = await RunAsync(_db);

        Assert.Equal(TablesExitCodes.PipelineFailure, result.ExitCode);
        Assert.Contains("\"t\"", result.Error);
        Assert.Contains("\"bio\"", result.Error);
        Assert.Contains("rowid 2", result.Error);
        Assert.Contains("UTF-8", result.Error);
        Assert.False(File.Exists(_db.OutputPath));
        Assert.Empty(Directory.GetFiles(_db.OutputDirectory));
    }

    [Fact]
    public async Task PrimaryKeyColumnWithANonInjectiveOperatorGetsPseudonymsUpFrontAndKeepsEveryRow()
    {
        _db.Execute("""
            CREATE TABLE people (email TEXT PRIMARY KEY, name TEXT);
            INSERT INTO people VALUES ('john@example.com', 'John'), ('joan@example.com', 'Joan'), ('jock@example.com', 'Jock');
            """);

        var contexts = new List<RecordingJobContext>();
        var result = await RunAsync(_db, contexts: contexts);
        var context = contexts.Single();

        Assert.Equal(TablesExitCodes.Success, result.ExitCode);
        var emails = TestDatabase.Query(_db.OutputPath, "SELECT email, name FROM people ORDER BY rowid");
        Assert.Equal(["John", "Joan", "Jock"], emails.Select(r => r[1]));
        Assert.Equal(3, emails.Select(r => r[0]).Distinct().Count());
        Assert.All(emails, r => Assert.StartsWith("EMAIL_", (string)r[0]!));
        using var report = JsonDocument.Parse(File.ReadAllBytes(_db.ReportPath));
        var table = report.RootElement.GetProperty("tables")[0];
        Assert.Equal("email", table.GetProperty("collision_columns")[0].GetString());
        var email = table.GetProperty("columns")[0];
        Assert.True(email.GetProperty("collision_free").GetBoolean());
        Assert.Contains("PRIMARY KEY/UNIQUE (email)", email.GetProperty("collision_free_reason").GetString());
        Assert.False(table.GetProperty("columns")[1].GetProperty("collision_free").GetBoolean());
        Assert.False(table.GetProperty("columns")[1].TryGetProperty("collision_free_reason", out _));
        Assert.Equal(3, table.GetProperty("rows_written").GetInt64());
        Assert.Contains(context.Warnings, w => w.Code == "collision_free_operator" && w.Message.Contains("email"));
    }

    [Fact]
    public async Task CompositeUniqueAndUniqueIndexColumnsArePlannedCollisionFreeButOtherColumnsAreNot()
    {
        _db.Execute("""
            CREATE TABLE t (id INTEGER PRIMARY KEY, work_mail TEXT, home_mail TEXT, other_mail TEXT, solo_mail TEXT UNIQUE, tag TEXT, UNIQUE (tag, work_mail));
            CREATE UNIQUE INDEX t_home ON t (home_mail);
            INSERT INTO t (work_mail, home_mail, other_mail, solo_mail, tag) VALUES ('ann@example.com', 'ann@example.org', 'ann@example.net', 'ann@example.net', 'a');
            INSERT INTO t (work_mail, home_mail, other_mail, solo_mail, tag) VALUES ('amy@example.com', 'amy@example.org', 'amy@example.net', 'amelia@example.net', 'a');
            """);

        var result = await RunAsync(_db);

        Assert.Equal(TablesExitCodes.Success, result.ExitCode);
        using var report = JsonDocument.Parse(File.ReadAllBytes(_db.ReportPath));
        var columns = report.RootElement.GetProperty("tables")[0].GetProperty("columns").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("collision_free").GetBoolean());
        Assert.False(columns["id"]);
        Assert.True(columns["work_mail"]);
        Assert.True(columns["home_mail"]);
        Assert.False(columns["other_mail"]);
        Assert.False(columns["solo_mail"]); // unique, but its masks do not collide: the configured mask is kept
        var rows = TestDatabase.Query(_db.OutputPath, "SELECT work_mail, home_mail, other_mail FROM t ORDER BY id");
        Assert.NotEqual(rows[0][0], rows[1][0]);
        Assert.NotEqual(rows[0][1], rows[1][1]);
        Assert.Equal("a**************", rows[0][2]);
        Assert.Equal(rows[0][2], rows[1][2]);
    }

    [Fact]
    public async Task AnActualCollisionFailsClosedNamingTableAndColumnAndPublishesNothing()
    {
        _db.Execute("""
            CREATE TABLE people (email TEXT PRIMARY KEY, name TEXT);
            INSERT INTO people VALUES ('john@example.com', 'John'), ('joan@example.com', 'Joan');
            """);

        var result = await RunAsync(_db, new FakeCellAnonymizer { ClaimInjective = true });

        Assert.Equal(TablesExitCodes.PipelineFailure, result.ExitCode);
        Assert.Contains("\"people\"", result.Error);
        Assert.Contains("\"email\"", result.Error);
        Assert.Contains("collide", result.Error);
        Assert.DoesNotContain("john", result.Error);
        Assert.False(File.Exists(_db.OutputPath));
        Assert.False(Directory.Exists(_db.OutputDirectory) && Directory.GetFiles(_db.OutputDirectory).Length > 0);
    }

    [Fact]
    public async Task FailureLeavesNoStaleOutputAndNoTemporaryFile()
    {
        // Issue 16, case 11: an earlier run's output never survives beside (or instead of) a failed run.
        Directory.CreateDirectory(_db.OutputDirectory);
        File.WriteAllText(_db.OutputPath, "previous output");
        File.WriteAllText(_db.ReportPath, "previous report");
        _db.Execute("CREATE TABLE t (a TEXT); INSERT INTO t VALUES ('a'); INSERT INTO t VALUES (CAST(x'ff' AS TEXT));");

        var result = await RunAsync(_db);

        Assert.Equal(TablesExitCodes.PipelineFailure, result.ExitCode);
        Assert.Empty(Directory.GetFiles(_db.OutputDirectory));
    }

    [Fact]
    public async Task ASupersededAttemptStartingFromScratchDeletesNothingTheOwnerPublished()
    {
        // A duplicate activation's runner read a checkpoint from before the owner published: its temporary file is gone
        // (renamed), so it would start from scratch. It is refused at its first checkpoint, before it deletes anything.
        WritePublished("the owner's output", "the owner's report");
        _db.Execute("CREATE TABLE t (a TEXT); INSERT INTO t VALUES ('a');");
        var tables = JsonDocument.Parse("""{"phase":"tables"}""").RootElement;

        await Assert.ThrowsAsync<JobSupersededException>(() => RunAsync(_db,
            newContext: (id, grains) => new RecordingJobContext(id, grains) { Attempt = 2, Checkpoint = tables, Superseded = true }));

        Assert.Equal("the owner's output", File.ReadAllText(_db.OutputPath));
        Assert.Equal("the owner's report", File.ReadAllText(_db.ReportPath));
    }

    [Fact]
    public async Task ASupersededAttemptThatFailsLeavesTheOwnersTemporaryOutput()
    {
        // The duplicate's runner resumes from the owner's checkpoint and fails on the file the owner is writing (here a
        // file that is not a database yet): the temporary output is the owner's, and stays.
        _db.Execute("CREATE TABLE t (a TEXT); INSERT INTO t VALUES ('a');");
        Directory.CreateDirectory(_db.OutputDirectory);
        var tables = JsonDocument.Parse("""{"phase":"tables"}""").RootElement;
        string? temp = null;

        await Assert.ThrowsAsync<JobSupersededException>(() => RunAsync(_db, newContext: (id, grains) =>
        {
            temp = TablesJob.TemporaryPath(_db.OutputDirectory, id);
            File.WriteAllText(temp, "the owner's work in progress");
            return new RecordingJobContext(id, grains) { Attempt = 2, Checkpoint = tables, Superseded = true };
        }));

        Assert.Equal("the owner's work in progress", File.ReadAllText(temp!));
    }

    [Fact]
    public async Task AnAttemptResumedAfterThePublishKeepsThePublishedOutputAndItsReport()
    {
        // The owner renamed the output and wrote the report, then was lost before the job's end was recorded.
        WritePublished("the published output", "the published report");
        _db.Execute("CREATE TABLE t (a TEXT); INSERT INTO t VALUES ('a');");
        var publishing = JsonDocument.Parse("""{"phase":"publishing"}""").RootElement;

        var result = await RunAsync(_db, newContext: (id, grains) => new RecordingJobContext(id, grains) { Attempt = 3, Checkpoint = publishing });

        Assert.Equal(TablesExitCodes.Success, result.ExitCode);
        Assert.Equal("the published report", System.Text.Encoding.UTF8.GetString(result.Report!));
        Assert.Equal("the published output", File.ReadAllText(_db.OutputPath));
        Assert.Equal("the published report", File.ReadAllText(_db.ReportPath));
    }

    [Fact]
    public async Task AFreshRunSavesItsStartingCheckpointBeforeItsTablesCheckpoint()
    {
        _db.Execute("CREATE TABLE t (a TEXT); INSERT INTO t VALUES ('a');");
        var contexts = new List<RecordingJobContext>();

        var result = await RunAsync(_db, contexts: contexts);

        Assert.Equal(TablesExitCodes.Success, result.ExitCode);
        Assert.Equal(["starting", "tables", "schema_completed", "publishing"], contexts.Single().SavedPhases);
    }

    // What an attempt that published leaves in the output directory (contents that no run would write, to recognise).
    private void WritePublished(string output, string report)
    {
        Directory.CreateDirectory(_db.OutputDirectory);
        File.WriteAllText(_db.OutputPath, output);
        File.WriteAllText(_db.ReportPath, report);
    }

    [Fact]
    public async Task InputEqualToOutputIsRefused()
    {
        Directory.CreateDirectory(_db.OutputDirectory);
        TestDatabase.Execute(_db.OutputPath, "CREATE TABLE t (a TEXT); INSERT INTO t VALUES ('x@example.com');");
        var before = File.ReadAllBytes(_db.OutputPath);

        var result = await RunAsync(_db, input: _db.OutputPath);

        Assert.Equal(TablesExitCodes.BadParameters, result.ExitCode);
        Assert.Contains("Choose another output directory", result.Error);
        Assert.Equal(before, File.ReadAllBytes(_db.OutputPath));
    }

    [Fact]
    public async Task MissingInputAndNonDatabaseInputFailClearly()
    {
        var missing = await RunAsync(_db, input: Path.Combine(_db.Directory, "nope.db"));
        Assert.Equal(TablesExitCodes.BadParameters, missing.ExitCode);

        File.WriteAllText(_db.InputPath, "<html>error page</html> padding padding padding padding padding padding padding padding padding padding");
        var html = await RunAsync(_db);
        Assert.Equal(TablesExitCodes.PipelineFailure, html.ExitCode);
        Assert.Contains("not a readable SQLite database", html.Error);
    }

    [Fact]
    public async Task PrivacyCheckFailureFailsTheJobAndPublishesNoDatabase()
    {
        _db.Execute("CREATE TABLE t (contact TEXT); INSERT INTO t VALUES ('mail me at eve@example.com');");

        var result = await RunAsync(_db, new FakeCellAnonymizer { LeaveInClear = true }, full: false);

        Assert.Equal(TablesExitCodes.PrivacyCheckFailed, result.ExitCode);
        Assert.False(File.Exists(_db.OutputPath));
        Assert.DoesNotContain("eve@", result.Error);
        Assert.Contains("t.contact: EMAIL_ADDRESS", result.Error);
        using var report = JsonDocument.Parse(File.ReadAllBytes(_db.ReportPath));
        Assert.False(report.RootElement.GetProperty("privacy_check").GetProperty("passed").GetBoolean());
        Assert.DoesNotContain("eve@", File.ReadAllText(_db.ReportPath));
    }

    [Fact]
    public async Task ReRunProducesTheSameFile()
    {
        _db.Execute("""
            CREATE TABLE t (id INTEGER PRIMARY KEY, email TEXT UNIQUE, bio TEXT);
            INSERT INTO t (email, bio) VALUES ('ann@example.com', 'ping ann@example.com'), ('amy@example.com', 'x'), ('bob@example.com', NULL);
            CREATE INDEX t_bio ON t (bio);
            """);

        Assert.Equal(TablesExitCodes.Success, (await RunAsync(_db)).ExitCode);
        var first = File.ReadAllBytes(_db.OutputPath);
        Assert.Equal(TablesExitCodes.Success, (await RunAsync(_db)).ExitCode);

        Assert.Equal(first, File.ReadAllBytes(_db.OutputPath));
    }

    [Fact]
    public async Task ReportKeepsTheOldSectionsAndAddsColumnDecisions()
    {
        _db.Execute("CREATE TABLE results (email TEXT, bio TEXT); INSERT INTO results VALUES ('ann@example.com', 'see bob@example.com and cy@example.com'), (NULL, 'none');");

        await RunAsync(_db);

        using var report = JsonDocument.Parse(File.ReadAllBytes(_db.ReportPath));
        var root = report.RootElement;
        Assert.Equal(["pipeline_config", "processing_stats", "anonymization_stats", "presidio_config", "tables", "phase_timings", "privacy_check", "outcome"],
            root.EnumerateObject().Select(p => p.Name));
        var stats = root.GetProperty("anonymization_stats");
        Assert.Equal(4, stats.GetProperty("total_values_processed").GetInt64());
        Assert.Equal(2, stats.GetProperty("total_values_anonymized").GetInt64());
        Assert.Equal(50.0, stats.GetProperty("anonymization_rate").GetDouble());
        Assert.Equal(3, stats.GetProperty("entities_found").GetProperty("EMAIL_ADDRESS").GetInt64());
        Assert.Equal(2, stats.GetProperty("tables_processed").GetProperty("results").GetInt64());
        Assert.Equal(1, root.GetProperty("processing_stats").GetProperty("anonymized_rows").GetInt64());
        var columns = root.GetProperty("tables")[0].GetProperty("columns");
        Assert.Equal("whole_cell", columns[0].GetProperty("treatment").GetString());
        Assert.Equal("free_text", columns[1].GetProperty("treatment").GetString());
        Assert.True(root.GetProperty("privacy_check").GetProperty("passed").GetBoolean());
        Assert.DoesNotContain("example.com", File.ReadAllText(_db.ReportPath));
    }
}
