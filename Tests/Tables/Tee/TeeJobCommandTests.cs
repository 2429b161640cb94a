using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PiiOrleans.Grains.Tables;
using PiiOrleans.Silo.Tee;
using PiiOrleans.Tables;

namespace PiiOrleans.Tests.Tables.Tee;

/// <summary>The TEE container contract: environment, exit codes, and the Query Engine client against a real local server.</summary>
public sealed class TeeJobCommandTests : IDisposable
{
    private readonly TestDatabase _db = new();
    private readonly string _input;

    public TeeJobCommandTests()
    {
        _input = Path.Combine(_db.Directory, "in");
        Directory.CreateDirectory(_input);
    }

    public void Dispose() => _db.Dispose();

    private Dictionary<string, string?> DevEnvironment() => new()
    {
        ["DEV_MODE"] = "1",
        ["INPUT_PATH"] = _input,
        ["OUTPUT_PATH"] = _db.OutputDirectory,
    };

    private Dictionary<string, string?> ProductionEnvironment(Uri engine) => new()
    {
        ["DEV_MODE"] = "0",
        ["INPUT_DIR"] = _input,
        ["OUTPUT_DIR"] = _db.OutputDirectory,
        ["QUERY"] = "SELECT * FROM users",
        ["QUERY_SIGNATURE"] = "sig-1",
        ["QUERY_PARAMS"] = "[1, \"a\"]",
        ["COMPUTE_JOB_ID"] = "21",
        ["DATA_REFINER_ID"] = "12",
        ["QUERY_ENGINE_URL"] = engine.ToString(),
        ["QUERY_ENGINE_POLL_INTERVAL_SECONDS"] = "0.05",
        ["QUERY_ENGINE_RETRY_DELAY_SECONDS"] = "0.01",
        ["QUERY_ENGINE_POLL_TIMEOUT_SECONDS"] = "5",
    };

    private static async Task<(int Code, string Log)> RunAsync(Dictionary<string, string?> environment)
    {
        var output = new StringWriter();
        var code = await TeeJobCommand.RunAsync(environment, output, s => s.AddSingleton<ITablesEngineFactory>(new FakeEngineFactory()), null,
            CancellationToken.None);
        return (code, output.ToString());
    }

    private byte[] SampleDatabase()
    {
        var path = Path.Combine(_db.Directory, "sample.db");
        TestDatabase.Execute(path, "CREATE TABLE results (user_id TEXT, email TEXT); INSERT INTO results VALUES ('u001', 'alice@example.com');");
        return File.ReadAllBytes(path);
    }

    [Fact]
    public async Task DevModeProcessesTheLocalDatabaseWithJsonLogs()
    {
        File.WriteAllBytes(Path.Combine(_input, "query_results.db"), SampleDatabase());

        var (code, log) = await RunAsync(DevEnvironment());

        Assert.True(code == 0, log);
        Assert.Equal([new object?[] { "u001", "a****************" }], TestDatabase.Query(_db.OutputPath, "SELECT * FROM results"));
        Assert.True(File.Exists(_db.ReportPath));
        Assert.All(log.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => JsonDocument.Parse(line).Dispose());
        Assert.DoesNotContain("alice@", log);
    }

    [Theory]
    [InlineData("QUERY_PARAMS", "{not json", 1)]
    [InlineData("COMPUTE_JOB_ID", "abc", 1)]
    [InlineData("COMPUTE_JOB_ID", "0", 2)]
    [InlineData("COMPUTE_JOB_ID", "", 2)]
    [InlineData("QUERY", "", 2)]
    [InlineData("QUERY_SIGNATURE", "", 2)]
    [InlineData("PRESIDIO_CONFIG_PATH", "/nonexistent/config.json", 1)]
    public async Task EnvironmentErrorsGiveTheDocumentedExitCodes(string variable, string value, int expected)
    {
        var environment = ProductionEnvironment(new Uri("http://127.0.0.1:9"));
        environment[variable] = value;

        var (code, log) = await RunAsync(environment);

        Assert.Equal(expected, code);
        Assert.Contains("\"level\":\"error\"", log);
    }

    [Fact]
    public async Task AStoppedJobExitsWithCode4AndLeavesNothingBehind()
    {
        // SIGTERM and Ctrl+C cancel the token that RunAsync gets; here it is cancelled once the job reports progress.
        TeeJobInputs.WriteUsers(_input, 60_000);
        var environment = DevEnvironment();
        environment["PRESIDIO_CONFIG_PATH"] = TeeJobInputs.WritePatternsOnlyConfig(_db.Directory);
        using var cancel = new CancellationTokenSource();
        var output = new CancelOnEventWriter("\"event\":\"progress\"", cancel);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var code = await TeeJobCommand.RunAsync(environment, output, null, null, cancel.Token);

        var log = output.ToString();
        Assert.True(code == TablesExitCodes.Cancelled, log);
        Assert.True(cancel.IsCancellationRequested, "the job finished before it was stopped: make it longer");
        Assert.Contains("\"event\":\"cancelled\"", log);
        // Nothing published, and neither the temporary output nor the pseudonym store is left in the output directory.
        Assert.Empty(Directory.GetFileSystemEntries(_db.OutputDirectory).Select(Path.GetFileName));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"{watch.Elapsed}");
    }

    [Fact]
    public async Task MissingInputDatabaseInDevModeIsABadParameter()
    {
        var (code, _) = await RunAsync(DevEnvironment());
        Assert.Equal(TablesExitCodes.BadParameters, code);
    }

    [Fact]
    public async Task ProductionModeSubmitsPollsDownloadsAndProcesses()
    {
        await using var engine = await FakeQueryEngine.StartAsync();
        var database = SampleDatabase();
        engine.Poll = n => n == 1 ? (200, """{"query_status":"pending"}""") : (200, """{"query_status":"success","query_results":"/files/results.db"}""");
        engine.Download = _ => (200, database);

        var (code, log) = await RunAsync(ProductionEnvironment(engine.Address));

        Assert.True(code == 0, log);
        var requests = engine.Requests.ToList();
        Assert.Equal(["POST /query", "GET /query/q-123", "GET /query/q-123", "GET /files/results.db"], requests.Select(r => $"{r.Method} {r.Path}"));
        Assert.All(requests, r => Assert.Equal("sig-1", r.Signature));
        Assert.Equal("application/json", requests[0].ContentType);
        Assert.Equal("""{"query":"SELECT * FROM users","params":[1,"a"],"refiner_id":12,"job_id":"21"}""", requests[0].Body);
        Assert.Equal(database, File.ReadAllBytes(Path.Combine(_input, "query_results.db")));
        Assert.Equal([new object?[] { "u001", "a****************" }], TestDatabase.Query(_db.OutputPath, "SELECT * FROM results"));
        Assert.DoesNotContain("SELECT * FROM users", log);
    }

    [Fact]
    public async Task FalsyParamsBecomeAnEmptyList()
    {
        await using var engine = await FakeQueryEngine.StartAsync();
        engine.Poll = _ => (200, """{"query_status":"failed"}""");
        var environment = ProductionEnvironment(engine.Address);
        environment["QUERY_PARAMS"] = "{}";

        var (code, log) = await RunAsync(environment);

        Assert.Equal(2, code);
        Assert.Contains("\"params\":[]", engine.Requests.First().Body);
        Assert.Contains("Query q-123 failed", log);
    }

    [Fact]
    public async Task TransientFailuresAreRetried()
    {
        await using var engine = await FakeQueryEngine.StartAsync();
        var database = SampleDatabase();
        engine.Submit = n => n == 1 ? (503, "busy") : (200, """{"query_id":"q-123"}""");
        engine.Download = n => n == 1 ? (502, []) : (200, database);

        var (code, log) = await RunAsync(ProductionEnvironment(engine.Address));

        Assert.True(code == 0, log);
        Assert.Equal(2, engine.Requests.Count(r => r.Method == "POST"));
        Assert.Equal(2, engine.Requests.Count(r => r.Path == "/files/results.db"));
    }

    [Theory]
    [InlineData(403, """{"detail":"bad signature"}""", "HTTP error submitting query: Status code: 403, Detail: bad signature")]
    [InlineData(400, """{"other":1}""", "HTTP error submitting query: Status code: 400")]
    [InlineData(401, "<html>nope</html>", "HTTP error submitting query: Status code: 401, Response: <html>nope</html>")]
    [InlineData(200, """{"query_id":""}""", "No query ID returned from server")]
    public async Task SubmitErrorsAreReportedWithoutRetry(int status, string body, string expected)
    {
        await using var engine = await FakeQueryEngine.StartAsync();
        engine.Submit = _ => (status, body);

        var (code, log) = await RunAsync(ProductionEnvironment(engine.Address));

        Assert.Equal(2, code);
        Assert.Contains(JsonEncodedText.Encode(expected).ToString(), log);
        Assert.Single(engine.Requests);
    }

    [Fact]
    public async Task PollNotFoundAndTimeoutFail()
    {
        await using var engine = await FakeQueryEngine.StartAsync();
        engine.Poll = _ => (404, "{}");
        var (notFound, log) = await RunAsync(ProductionEnvironment(engine.Address));
        Assert.Equal(2, notFound);
        Assert.Contains("Query q-123 not found", log);

        engine.Poll = _ => (200, """{"query_status":"running"}""");
        var environment = ProductionEnvironment(engine.Address);
        environment["QUERY_ENGINE_POLL_TIMEOUT_SECONDS"] = "0.3";
        var (timeout, timeoutLog) = await RunAsync(environment);
        Assert.Equal(2, timeout);
        Assert.Contains("Timeout exceeded", timeoutLog);
    }

    [Fact]
    public async Task AnHtmlPageIsNotAcceptedAsTheDatabase()
    {
        await using var engine = await FakeQueryEngine.StartAsync();
        engine.Download = _ => (200, "<html>error</html> and some more text"u8.ToArray());

        var (code, log) = await RunAsync(ProductionEnvironment(engine.Address));

        Assert.Equal(2, code);
        Assert.Contains("not a SQLite database", log);
        Assert.False(File.Exists(Path.Combine(_input, "query_results.db")));
    }

    [Fact]
    public async Task SuccessWithoutResultsUrlProcessesTheExistingFile()
    {
        await using var engine = await FakeQueryEngine.StartAsync();
        engine.Poll = _ => (200, """{"query_status":"success"}""");
        File.WriteAllBytes(Path.Combine(_input, "query_results.db"), SampleDatabase());

        var (code, log) = await RunAsync(ProductionEnvironment(engine.Address));

        Assert.True(code == 0, log);
        Assert.DoesNotContain(engine.Requests, r => r.Path == "/files/results.db");
    }

    /// <summary>Cancels <paramref name="cancel"/> when a line containing <paramref name="marker"/> is written.</summary>
    private sealed class CancelOnEventWriter(string marker, CancellationTokenSource cancel) : StringWriter
    {
        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (value is not null && value.Contains(marker, StringComparison.Ordinal))
            {
                cancel.Cancel();
            }
        }
    }
}
