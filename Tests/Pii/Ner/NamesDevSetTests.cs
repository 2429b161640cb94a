using System.Globalization;
using System.Text.RegularExpressions;
using PiiOrleans.Client;

namespace PiiOrleans.Tests.Pii.Ner;

/// <summary>
/// <c>piiorleans eval</c> with the built-in configuration and the committed model on the presidio-research dev set holds
/// the no-regression targets of issue 15 (span-level F2 with overlap matching): PERSON ≥ 0.90, LOCATION ≥ 0.80, and
/// ORGANIZATION ≥ 0.60 (the model trained on real text gives up 0.04 exact ORGANIZATION F2 on this synthetic set, 0.634 →
/// 0.596, for 0.14 → 0.4 on real text; exact ORGANIZATION is therefore no longer held at 0.60).
/// </summary>
public sealed class NamesDevSetTests
{
    [Fact]
    public async Task The_dev_set_meets_the_targets()
    {
        var devSet = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Pii", "presidio-generated-large.json");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await ClientCommandLine.RunAsync(["eval", "--input", devSet], new ClientEnvironment(output, error, terminalAttached: false));
        Assert.True(exit == 0, error.ToString());
        var table = output.ToString();
        Assert.Contains("2109 samples", table, StringComparison.Ordinal);
        Assert.DoesNotContain("warning", error.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.True(OverlapF2(table, "PERSON") >= 0.90, table);
        Assert.True(OverlapF2(table, "LOCATION") >= 0.80, table);
        Assert.True(OverlapF2(table, "ORGANIZATION") >= 0.60, table);
        Assert.True(ExactF2(table, "ORGANIZATION") >= 0.55, table);
    }

    // A row: entity, gold, pred | P exact, R exact, F2 exact | P ovl, R ovl, F2 ovl.
    private static string[] Row(string table, string entity)
    {
        var line = table.Split('\n').Single(l => Regex.IsMatch(l, $@"^{entity}\s"));
        return line.Split([' ', '|'], StringSplitOptions.RemoveEmptyEntries);
    }

    private static double ExactF2(string table, string entity) => double.Parse(Row(table, entity)[5], CultureInfo.InvariantCulture);

    private static double OverlapF2(string table, string entity) => double.Parse(Row(table, entity)[8], CultureInfo.InvariantCulture);
}
