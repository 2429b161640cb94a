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

    [Fact]
    public void Masking_a_name_does_not_leave_its_neighbours_as_names_the_rescan_finds()
    {
        // Firm names made of surnames: with the first name in clear the model reads them as a firm; once it is masked,
        // it may read them as people. The anonymizer looks again at what it wrote, so the re-scan finds no name.
        string[] first = ["Sincere", "Marjorie", "Harmon", "Julie", "Trystan", "Abigail", "Justyn", "Lillian", "Monica", "Annalise"];
        string[] last = ["Tillman", "Becker", "Murazik", "Walsh", "Nader", "Lockman", "Goldner", "Koepp", "Morissette", "Gibson", "Bradtke", "Ziemann"];
        string[] towns = ["Nicolasberg", "Windlerfurt", "South Taylorshire", "East Tavaresstad", "Port Rebeca"];
        var bios = Enumerable.Range(0, 60).Select(i =>
            $"{first[i % first.Length]} works for {last[i % last.Length]}, {last[(i * 7 + 3) % last.Length]} and {last[(i * 5 + 1) % last.Length]} and lives in {towns[i % towns.Length]}.").ToList();
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Tables", "vana-presidio-config.json"));
        var anonymizer = new PiiTablesEngineFactory().Create(TablesEngineSpec.Create(json, "vana", "/nonexistent.db")).Anonymizer;
        var plan = anonymizer.PlanColumn("users", 0, new ColumnShape("bio", "TEXT", 0, false), bios);
        Assert.Equal(ColumnTreatment.FreeText, plan.Treatment);

        var outcomes = anonymizer.AnonymizeMany(bios, plan).Concat(bios.Take(5).Select(b => anonymizer.Anonymize(b, plan))).ToList();

        var leaks = new List<string>();
        foreach (var outcome in outcomes)
        {
            Assert.DoesNotContain(first, f => outcome.Text.Contains(f, StringComparison.Ordinal));
            anonymizer.FindNameLeaks(outcome.Text, "bio", leaks);
        }

        Assert.Empty(leaks);
    }
}

