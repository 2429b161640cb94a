using System.Text.Json;
using PiiOrleans.Grains.Tables;
using PiiOrleans.Tables;

namespace PiiOrleans.Tests.Tables;

/// <summary>Issue 16, cases 10, 11 and 13: no output that looks finished when it is not, and messages that name the right file.</summary>
public sealed class TablesFailClosedTests : IDisposable
{
    private readonly TestDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private static Task<TablesJobResult> RunAsync(TestDatabase db, string jobId, FakeCellAnonymizer? engine = null, string? input = null)
    {
        engine ??= new FakeCellAnonymizer();
        var setup = new TablesEngineSetup(engine, true, 100, true, 4, ["EMAIL_ADDRESS"], "none", ["en"]);
        var parameters = new TablesJobParameters(input ?? db.InputPath, db.OutputDirectory, null, true, 100, 3);
        var spec = TablesEngineSpec.Create(null, null, Path.GetFullPath(parameters.Input));
        return SharedTablesSilo.RunAsync(engine, grains =>
            new TablesJob(new RecordingJobContext(jobId, grains), parameters, setup, spec).RunAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Issue16_case10_a_corrupted_page_fails_the_job_and_writes_no_row()
    {
        var rows = string.Join(",", Enumerable.Range(0, 2000).Select(i => $"({i}, 'user{i}@example.com', 'note {i} note {i} note {i}')"));
        _db.Execute($"PRAGMA page_size=4096; CREATE TABLE t (id INTEGER PRIMARY KEY, email TEXT, note TEXT); INSERT INTO t VALUES {rows};");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var bytes = File.ReadAllBytes(_db.InputPath);
        Assert.True(bytes.Length > 12 * 4096);
        bytes.AsSpan((9 * 4096) + 2000, 400).Fill(0xff);
        File.WriteAllBytes(_db.InputPath, bytes);

        var result = await RunAsync(_db, SharedTablesSilo.NewJobId());

        Assert.Equal(TablesExitCodes.PipelineFailure, result.ExitCode);
        Assert.Contains("is damaged", result.Error);
        Assert.Contains("quick_check", result.Error);
        Assert.False(File.Exists(_db.OutputPath));
    }

    [Fact]
    public async Task Issue16_case11_a_failed_rerun_removes_the_old_database_and_orphaned_temporary_files()
    {
        _db.Execute("CREATE TABLE t (contact TEXT); INSERT INTO t VALUES ('mail me at eve@example.com');");
        Assert.Equal(TablesExitCodes.Success, (await RunAsync(_db, SharedTablesSilo.NewJobId())).ExitCode);
        Assert.True(File.Exists(_db.OutputPath));
        var orphan = Path.Combine(_db.OutputDirectory, $".{TablesJob.OutputFileName}.killed-job.tmp");
        File.WriteAllText(orphan, "left by a killed run");

        // Another input file, so the silo's engine cache (keyed by input) builds the leaking engine for it.
        var second = Path.Combine(_db.Directory, "second.db");
        TestDatabase.Execute(second, "CREATE TABLE t (contact TEXT); INSERT INTO t VALUES ('mail me at eve@example.com');");
        var failed = await RunAsync(_db, SharedTablesSilo.NewJobId(), new FakeCellAnonymizer { LeaveInClear = true }, second);

        Assert.Equal(TablesExitCodes.PrivacyCheckFailed, failed.ExitCode);
        Assert.False(File.Exists(_db.OutputPath));
        Assert.False(File.Exists(orphan));
        using var report = JsonDocument.Parse(File.ReadAllBytes(_db.ReportPath));
        Assert.Equal(TablesExitCodes.PrivacyCheckFailed, report.RootElement.GetProperty("outcome").GetProperty("exit_code").GetInt32());
    }

    [Fact]
    public async Task Issue16_case13_an_unwritable_output_is_named_in_the_message_not_the_input()
    {
        _db.Execute("CREATE TABLE t (a TEXT); INSERT INTO t VALUES ('x');");
        var jobId = SharedTablesSilo.NewJobId();
        // The job's temporary file name is taken by a folder: the output cannot be written (even as root).
        Directory.CreateDirectory(TablesJob.TemporaryPath(_db.OutputDirectory, jobId));

        var result = await RunAsync(_db, jobId);

        Assert.Equal(TablesExitCodes.PipelineFailure, result.ExitCode);
        Assert.Contains(Path.GetFullPath(_db.OutputDirectory), result.Error);
        Assert.DoesNotContain(_db.InputPath, result.Error);
    }
}
