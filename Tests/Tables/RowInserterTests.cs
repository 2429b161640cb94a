using PiiOrleans.Grains.Tables;
using PiiOrleans.Tables;

namespace PiiOrleans.Tests.Tables;

/// <summary>The raw-API row writer keeps every storage class exactly, empty text and empty BLOBs included (not NULL).</summary>
public sealed class RowInserterTests : IDisposable
{
    private readonly TestDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task KeepsEmptyTextEmptyBlobsNullsNumbersAndEmbeddedNulCharacters()
    {
        _db.Execute("""
            CREATE TABLE odd (id INTEGER PRIMARY KEY, t, b, n, r, i);
            INSERT INTO odd VALUES (1, '', x'', NULL, 1.5, -7);
            INSERT INTO odd VALUES (2, 'a' || char(0) || 'b', x'00ff', NULL, -0.25, 9223372036854775807);
            INSERT INTO odd VALUES (3, 'Grüße 🙂', zeroblob(3), 'x', 1e300, 0);
            """);
        var engine = new FakeCellAnonymizer();
        var setup = new TablesEngineSetup(engine, true, 2, true, 2, ["EMAIL_ADDRESS"], "none", ["en"]);
        var parameters = new TablesJobParameters(_db.InputPath, _db.OutputDirectory, null, true, 2, 2);
        var spec = TablesEngineSpec.Create(null, null, Path.GetFullPath(parameters.Input));
        await SharedTablesSilo.RunAsync(engine, grains =>
            new TablesJob(new RecordingJobContext(SharedTablesSilo.NewJobId(), grains), parameters, setup, spec).RunAsync(CancellationToken.None));

        const string query = "SELECT id, typeof(t), length(t), hex(t), typeof(b), hex(b), typeof(n), n, typeof(r), r, i FROM odd ORDER BY id";
        Assert.Equal(TestDatabase.Query(_db.InputPath, query), TestDatabase.Query(_db.OutputPath, query));
    }

    [Fact]
    public void ReportsConstraintViolationsAsSqliteExceptionsWithTheirCodes()
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE u (v TEXT UNIQUE)";
            create.ExecuteNonQuery();
        }

        using var inserter = new RowInserter(connection, "INSERT INTO u (v) VALUES (?1)");
        inserter.Insert(null, [PiiOrleans.Tables.CellValue.FromText("same")]);
        var error = Assert.Throws<Microsoft.Data.Sqlite.SqliteException>(() =>
            inserter.Insert(null, [PiiOrleans.Tables.CellValue.FromText("same")]));
        Assert.Equal(19, error.SqliteErrorCode);
        Assert.Equal(2067, error.SqliteExtendedErrorCode);
        inserter.Insert(null, [PiiOrleans.Tables.CellValue.FromText("other")]); // usable after an error
    }
}
