using PiiOrleans.Tables;

namespace PiiOrleans.Tests.Tables;

/// <summary>Issue 16, case 6: the privacy re-scan checks names in free text too, with the job's own analyzer.</summary>
public sealed class NameRescanTests : IDisposable
{
    private readonly TestDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private static ITableCellAnonymizer Engine() =>
        new PiiTablesEngineFactory().Create(TablesEngineSpec.Create(null, null, "/nonexistent.db")).Anonymizer;

    [Fact]
    public void Issue16_case6_a_name_left_in_free_text_fails_the_rescan_without_its_value()
    {
        _db.Execute("""
            CREATE TABLE t (id INTEGER PRIMARY KEY, notes TEXT, "where" TEXT);
            INSERT INTO t (notes, "where") VALUES ('Yesterday I had a long meeting with John Miller about the contract.', 'Berlin');
            """);

        var result = new PrivacyVerifier(Engine()).Verify(_db.InputPath, full: false);

        Assert.False(result.Passed);
        Assert.Contains("t.notes: PERSON", result.Leaks.Keys);
        Assert.DoesNotContain(result.Leaks.Keys, k => k.Contains("Miller", StringComparison.Ordinal));
    }

    [Fact]
    public void Issue16_case6_masked_and_replaced_names_pass_the_rescan()
    {
        _db.Execute("""
            CREATE TABLE t (id INTEGER PRIMARY KEY, notes TEXT);
            INSERT INTO t (notes) VALUES ('Yesterday I had a long meeting with <PERSON> about the contract.');
            INSERT INTO t (notes) VALUES ('Yesterday I had a long meeting with Jo** Mi**** about the contract.');
            """);

        var result = new PrivacyVerifier(Engine()).Verify(_db.InputPath, full: false);

        Assert.True(result.Passed, string.Join(", ", result.Leaks.Keys));
    }

    [Fact]
    public void Issue16_case6_names_are_sampled_per_column()
    {
        // Every row holds a name: the validated re-scan reads every sampled row, the names re-scan a bounded sample.
        _db.Execute("CREATE TABLE t (id INTEGER PRIMARY KEY, notes TEXT);" + string.Concat(Enumerable.Range(0, 1000)
            .Select(_ => "INSERT INTO t (notes) VALUES ('Yesterday I had a long meeting with John Miller about the contract.');")));

        var result = new PrivacyVerifier(Engine()).Verify(_db.InputPath, full: true);

        Assert.Equal(PrivacyVerifier.NameCellsPerColumn, result.Leaks["t.notes: PERSON"]);
    }
}
