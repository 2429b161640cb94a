using Microsoft.Extensions.DependencyInjection;
using PiiOrleans.Client;
using PiiOrleans.Grains.Tables;
using PiiOrleans.Tables;

namespace PiiOrleans.Tests.Tables;

/// <summary><c>piiorleans tables</c> end to end: embedded silo, HTTP gateway, job grain, tables grains, summary and exit code.</summary>
public sealed class TablesCommandTests : IDisposable
{
    private readonly TestDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task AnonymizesTheVanaSampleAndPrintsTheSummary()
    {
        TablesCluster.CreateVanaDatabase(_db.InputPath);
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new ClientEnvironment(output, error, terminalAttached: false);

        var code = await ClientCommandLine.RunAsync(
            ["tables", "-i", _db.InputPath, "-o", _db.OutputDirectory, "-c", TablesCluster.Fixture("vana-presidio-config.json"), "--verify", "full"],
            environment);

        Assert.True(code == 0, error.ToString() + output);
        var text = output.ToString();
        Assert.Contains("Tables processed: 2 of 2", text);
        Assert.Contains("Rows processed: 20", text);
        Assert.Contains("Privacy check (full): passed", text);
        Assert.DoesNotContain("alice.smith@", text);
        Assert.Equal("al*********@e******.com", TestDatabase.Query(_db.OutputPath, "SELECT email FROM users WHERE user_id = 'u001'")[0][0]);
    }

    [Fact]
    public async Task CollidingMasksOfAUniqueColumnArePlannedAsPseudonymsAndTheScratchStoreIsDeleted()
    {
        TestDatabase.Execute(_db.InputPath, """
            CREATE TABLE users (user_id TEXT PRIMARY KEY, email TEXT UNIQUE, locale TEXT);
            INSERT INTO users VALUES ('u1', 'john@example.com', 'en_US'), ('u2', 'joan@example.com', 'en_US'), ('u3', 'jack@example.com', 'fr_FR');
            """);
        var output = new StringWriter();
        var error = new StringWriter();

        var code = await ClientCommandLine.RunAsync(
            ["tables", "-i", _db.InputPath, "-o", _db.OutputDirectory, "-c", TablesCluster.Fixture("vana-presidio-config.json")],
            new ClientEnvironment(output, error, terminalAttached: false));

        Assert.True(code == 0, error.ToString() + output);
        var rows = TestDatabase.Query(_db.OutputPath, "SELECT user_id, email, locale FROM users ORDER BY rowid");
        Assert.Equal(["u1", "u2", "u3"], rows.Select(r => r[0]));
        Assert.Equal(3, rows.Select(r => r[1]).Distinct().Count());
        Assert.All(rows, r => Assert.DoesNotContain((string)r[1]!, new[] { "john@example.com", "joan@example.com", "jack@example.com" }));
        Assert.All(rows, r => Assert.DoesNotContain("*", (string)r[1]!));
        Assert.Equal(["query_results.db", "anonymization_report.json"],
            Directory.GetFiles(_db.OutputDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal).Reverse());
    }

    [Fact]
    public async Task PrivacyCheckFailurePropagatesItsExitCode()
    {
        TestDatabase.Execute(_db.InputPath, "CREATE TABLE t (contact TEXT); INSERT INTO t VALUES ('write to eve@example.com');");
        var output = new StringWriter();
        var environment = new ClientEnvironment(output, new StringWriter(), terminalAttached: false)
        {
            ConfigureEmbeddedSilo = services => services.AddSingleton<ITablesEngineFactory>(new FakeEngineFactory(new FakeCellAnonymizer { LeaveInClear = true })),
        };

        var code = await ClientCommandLine.RunAsync(["tables", "-i", _db.InputPath, "-o", _db.OutputDirectory], environment);

        Assert.Equal(TablesExitCodes.PrivacyCheckFailed, code);
        Assert.False(File.Exists(_db.OutputPath));
        Assert.DoesNotContain("eve@", output.ToString());
    }
}
