using PiiOrleans.Grains.Tables;
using PiiOrleans.Tables;

namespace PiiOrleans.Tests.Tables;

/// <summary>
/// Issue 16, case 6: names in short or neutrally named text columns (<c>contact</c>, <c>notes</c>, <c>where</c>,
/// <c>имя</c>) are scanned and anonymized; only columns the profile proves hold no free text are copied as they are.
/// </summary>
public sealed class NeutralTextColumnTests : IDisposable
{
    private static readonly string[] Names = ["Anna Schmidt", "Peter Meyer", "Maria Rossi", "John Miller", "Sarah Johnson"];
    private readonly TestDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Issue16_case6_names_in_neutral_text_columns_are_anonymized()
    {
        var rows = Enumerable.Range(0, 20).Select(i =>
        {
            var name = Names[i % Names.Length];
            return $"INSERT INTO visits (contact, notes, \"where\", \"имя\", amount) VALUES ('{name}', 'met {name}', '{name}', '{name}', '{i}.00');";
        });
        _db.Execute("CREATE TABLE visits (id INTEGER PRIMARY KEY, contact TEXT, notes TEXT, \"where\" TEXT, \"имя\" TEXT, amount TEXT);" + string.Concat(rows));

        var (result, _) = await TablesCluster.RunAsync(new TablesJobParameters(_db.InputPath, _db.OutputDirectory, null, true, null, null));

        Assert.True(result.ExitCode == TablesExitCodes.Success, result.Error);
        var output = TestDatabase.Query(_db.OutputPath, "SELECT contact, notes, \"where\", \"имя\", amount FROM visits ORDER BY id");
        Assert.Equal(20, output.Count);
        foreach (var row in output)
        {
            for (var c = 0; c < 4; c++)
            {
                var cell = (string)row[c]!;
                Assert.DoesNotContain(Names, name => cell.Contains(name.Split(' ')[1], StringComparison.Ordinal));
            }
        }

        // Numbers prove the column holds no free text: copied as they are.
        Assert.Equal("0.00", output[0][4]);
    }

    [Theory]
    [InlineData("contact", new[] { "Anna Schmidt" }, true)]
    [InlineData("where", new[] { "Berlin" }, true)]
    [InlineData("notes", new string[0], true)]
    [InlineData("customer_id", new[] { "Anna Schmidt" }, false)]
    [InlineData("amount", new[] { "12.50", "2024-01-01" }, false)]
    public void Issue16_case6_only_a_proven_non_text_column_skips_span_detection(string column, string[] sample, bool scanned) =>
        Assert.Equal(scanned, TextColumnScan.Required(column, sample));
}
