using PiiOrleans.Grains.Tables;
using PiiOrleans.Tables;

namespace PiiOrleans.Tests.Tables;

/// <summary>
/// The old job's sample (vana-dummy-data.sql with vana-presidio-config.json) through the real engine and grains:
/// structured columns asserted cell by cell against the spec's mask algorithms, KEEP columns byte-identical,
/// and no enabled PII left in clear in the bios.
/// </summary>
public sealed class VanaSampleTests : IDisposable
{
    private static readonly string[][] ExpectedStructured =
    [
        ["u001", "al*********@e******.com", "Al*** Sm***", "555-1*******", "1** M*** St, N** Y***, NY 1****", "", "4532-12************"],
        ["u002", "bo*********@e******.com", "Bo* Jo*****", "555-2*******", "4** O** Ave, L*****, UK", "", "5555-44************"],
        ["u003", "ca*******@e******.com", "Ca*** Le*", "555-3*******", "7** P*** Rd, P****, F*****", "", "4111-11************"],
        ["u004", "da******@e******.com", "Da** Ki*", "555-4*******", "3** E** St, B*****, G******", "", "3782-82************"],
        ["u005", "ev********@e******.com", "Ev* To****", "555-5*******", "6** M**** Dr, M*****, S****", "", "6011-11************"],
        ["u006", "fr******@e******.com", "Fr*** W*", "555-6*******", "9** C**** Ln, R***, I****", "", "5105-10************"],
        ["u007", "gr********@e******.com", "Gr*** Ha**", "555-7*******", "1** B**** St, S** P****, B*****", "", "4000-00************"],
        ["u008", "he**********@e******.com", "He*** Mü****", "555-8*******", "2** S***** Ave, A********, N**********", "", "3530-11************"],
        ["u009", "iv*********@e******.com", "Iv** Pe****", "555-9*******", "3** W***** Rd, M*****, R*****", "", "4444-33************"],
        ["u010", "ju**********@e******.com", "Ju** Al*****", "555-0*******", "7** A** Blvd, T****, J****", "", "3782-82************"],
    ];

    private readonly TestDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private async Task<TablesJobResult> RunAsync()
    {
        TablesCluster.CreateVanaDatabase(_db.InputPath);
        var parameters = new TablesJobParameters(_db.InputPath, _db.OutputDirectory, TablesCluster.Fixture("vana-presidio-config.json"), true, null, null);
        var (result, _) = await TablesCluster.RunAsync(parameters);
        Assert.True(result.ExitCode == 0, result.Error);
        return result;
    }

    [Theory]
    [InlineData("users")]
    [InlineData("results")]
    public async Task StructuredColumnsFollowTheSpecMasksCellByCell(string table)
    {
        await RunAsync();

        var rows = TestDatabase.Query(_db.OutputPath, $"SELECT user_id, email, name, phone_number, address, ssn, credit_card FROM {table} ORDER BY rowid");
        Assert.Equal(ExpectedStructured.Length, rows.Count);
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < ExpectedStructured[r].Length; c++)
            {
                Assert.True(Equals(ExpectedStructured[r][c], rows[r][c]), $"{table} row {r + 1} column {c}: expected '{ExpectedStructured[r][c]}', got '{rows[r][c]}'");
            }
        }
    }

    [Fact]
    public async Task KeepColumnsAreByteIdenticalAndSchemaIsPreserved()
    {
        await RunAsync();

        foreach (var table in new[] { "users", "results" })
        {
            var sql = $"SELECT user_id, locale, created_at, typeof(created_at) FROM {table} ORDER BY rowid";
            Assert.Equal(TestDatabase.Query(_db.InputPath, sql), TestDatabase.Query(_db.OutputPath, sql));
        }

        var schema = "SELECT type, name, sql FROM sqlite_master ORDER BY name";
        Assert.Equal(TestDatabase.Query(_db.InputPath, schema), TestDatabase.Query(_db.OutputPath, schema));
    }

    [Fact]
    public async Task NoEnabledPatternPiiIsLeftInClearAnywhere()
    {
        await RunAsync();

        var input = TestDatabase.Query(_db.InputPath, "SELECT email, phone_number, ssn, credit_card FROM users");
        var secrets = input.SelectMany(r => r.Cast<string>())
            .Concat(["192.168.1.100", "judy.example.com", "10001", "719-42-8063"])
            .Where(s => s.Length > 0)
            .ToList();
        var output = TestDatabase.Query(_db.OutputPath, "SELECT * FROM users UNION ALL SELECT * FROM results");
        for (var r = 0; r < output.Count; r++)
        {
            for (var c = 0; c < output[r].Length; c++)
            {
                foreach (var secret in secrets)
                {
                    var cell = output[r][c] as string ?? "";
                    Assert.False(cell.Contains(secret, StringComparison.OrdinalIgnoreCase), $"row {r + 1} column {c}: an input value is left in clear: {cell}");
                }
            }
        }

        var bios = TestDatabase.Query(_db.OutputPath, "SELECT bio FROM users").Select(r => (string)r[0]!).ToList();
        Assert.Contains("software engineer", bios[0]);
        Assert.Contains("9** C**** Ln, R***, I****", bios[5]);
    }

    [Fact]
    public async Task NamesInBiosAreMaskedWhenTheNerModelIsAvailable()
    {
        var result = await RunAsync();

        using var report = System.Text.Json.JsonDocument.Parse(result.Report!);
        var model = report.RootElement.GetProperty("presidio_config").GetProperty("nlp_model").GetString()!;
        var bios = TestDatabase.Query(_db.OutputPath, "SELECT bio FROM users UNION ALL SELECT bio FROM results").Select(r => (string)r[0]!).ToList();
        if (model.Contains("unavailable", StringComparison.Ordinal))
        {
            // Without the model (no ONNX Runtime on this machine) names in prose are out of reach; the report says so.
            Assert.Contains("unavailable", model);
            return;
        }

        foreach (var name in new[] { "Alice Smith", "Bob Johnson", "Carol Lee", "Dave Kim", "Eve Torres", "Grace Hall", "Ivan Petrov", "Judy Alvarez" })
        {
            Assert.DoesNotContain(bios, bio => bio.Contains(name, StringComparison.Ordinal));
        }
    }
}
