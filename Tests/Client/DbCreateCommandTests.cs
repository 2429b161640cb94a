using Microsoft.Data.Sqlite;
using PiiOrleans.Client;

namespace PiiOrleans.Tests.Client;

public sealed class DbCreateCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("piiorleans-dbcreate-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Creates_a_database_from_a_script()
    {
        var script = Path.Combine(_directory, "seed.sql");
        await File.WriteAllTextAsync(script, "CREATE TABLE t (a TEXT); INSERT INTO t VALUES ('x'), ('y');");
        var database = Path.Combine(_directory, "sub", "out.db");

        var exitCode = await ClientCommandLine.RunAsync(["db", "create", "--sql", script, "-o", database], new ClientEnvironment(TextWriter.Null, TextWriter.Null, false));

        Assert.Equal(0, exitCode);
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM t";
        Assert.Equal(2L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_failing_script_leaves_no_database_and_exits_1()
    {
        var script = Path.Combine(_directory, "bad.sql");
        await File.WriteAllTextAsync(script, "CREATE TABLE t (a TEXT); INSERT INTO missing VALUES (1);");
        var database = Path.Combine(_directory, "out.db");
        var error = new StringWriter();

        var exitCode = await ClientCommandLine.RunAsync(["db", "create", "--sql", script, "-o", database], new ClientEnvironment(TextWriter.Null, error, false));

        Assert.Equal(1, exitCode);
        Assert.False(File.Exists(database));
        Assert.Empty(Directory.GetFiles(_directory, "out.db*"));
        Assert.Contains("bad.sql", error.ToString());
    }

    [Fact]
    public async Task Refuses_to_overwrite_without_force()
    {
        var script = Path.Combine(_directory, "seed.sql");
        await File.WriteAllTextAsync(script, "CREATE TABLE t (a TEXT);");
        var database = Path.Combine(_directory, "out.db");
        await File.WriteAllTextAsync(database, "keep");

        var exitCode = await ClientCommandLine.RunAsync(["db", "create", "--sql", script, "-o", database], new ClientEnvironment(TextWriter.Null, TextWriter.Null, false));

        Assert.Equal(1, exitCode);
        Assert.Equal("keep", await File.ReadAllTextAsync(database));
    }
}
