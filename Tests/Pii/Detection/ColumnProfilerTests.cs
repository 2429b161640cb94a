using System.Text;
using PiiOrleans.Pii.Detection;
using PiiOrleans.Pii.Detection.Profiling;

namespace PiiOrleans.Tests.Pii.Detection;

/// <summary>Every column of the Fake Name Generator sample gets the right decision; non-PII columns get no PII label.</summary>
public sealed class ColumnProfilerTests
{
    private static readonly ColumnProfiler Profiler = new(AnalyzerEngine.Create());

    public static TheoryData<string, string?> Expected => new()
    {
        { "Number", null }, { "Gender", null }, { "NameSet", null }, { "Title", null },
        { "GivenName", EntityTypes.Person }, { "MiddleInitial", EntityTypes.Person }, { "Surname", EntityTypes.Person },
        { "StreetAddress", EntityTypes.Location }, { "City", EntityTypes.Location }, { "State", EntityTypes.Location },
        { "StateFull", EntityTypes.Location }, { "ZipCode", EntityTypes.Location }, { "Country", EntityTypes.Location },
        { "CountryFull", EntityTypes.Location }, { "EmailAddress", EntityTypes.EmailAddress }, { "Username", EntityTypes.Username },
        { "Password", EntityTypes.Password }, { "TelephoneNumber", EntityTypes.PhoneNumber }, { "TelephoneCountryCode", null },
        { "MothersMaiden", EntityTypes.MothersMaidenName }, { "Birthday", EntityTypes.DateOfBirth }, { "Age", null },
        { "CCType", null }, { "CCNumber", EntityTypes.CreditCard }, { "CVV2", EntityTypes.CardVerificationCode },
        { "CCExpires", EntityTypes.CardExpiry }, { "NationalID", EntityTypes.NationalId }, { "Occupation", null },
        { "Company", EntityTypes.Organization }, { "Domain", EntityTypes.Url },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void ClassifiesFakeNameGeneratorColumns(string column, string? entity)
    {
        var (header, rows) = ReadCsv(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Pii", "fakenamegenerator-200.csv"));
        int index = Array.IndexOf(header, column);
        Assert.True(index >= 0, column);
        var profile = Profiler.Profile(column, rows.Select(r => (string?)r[index]).ToList());
        Assert.Equal(entity, profile.Entity);
        Assert.Equal(entity is null ? ColumnKind.NotPii : ColumnKind.Entity, profile.Kind);
    }

    [Fact]
    public void An_absurdly_long_column_name_is_judged_by_its_values_and_quickly()
    {
        // Over ColumnNameRule.MaxNameLength the name rules are skipped: a hostile schema cannot make the backtracking
        // rules slow, and the values still decide.
        var name = "mail" + new string('x', 100_000) + "address";
        var values = new[] { "ana@example.org", "bo@example.net", "c@example.com" };
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var profile = Profiler.Profile(name, values);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
        Assert.Equal(EntityTypes.EmailAddress, profile.Entity);
        Assert.DoesNotContain("column name", profile.Reason);
        Assert.Equal(ColumnKind.NotPii, Profiler.Profile(name, ["blue", "red", "green"]).Kind);
    }

    [Fact]
    public void FixtureHasEveryExpectedColumn()
    {
        var (header, _) = ReadCsv(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Pii", "fakenamegenerator-200.csv"));
        Assert.Equal(header.Length, Expected.Count());
    }

    [Theory]
    [InlineData("Color", new[] { "Blue", "Red", "Green" })]
    [InlineData("BloodType", new[] { "A+", "O-", "B+" })]
    [InlineData("Kilograms", new[] { "81.2", "64.0", "92.5" })]
    [InlineData("Centimeters", new[] { "181", "165", "172" })]
    [InlineData("user_id", new[] { "u001", "u002", "u003" })]
    [InlineData("created_at", new[] { "2024-04-01 09:00:00", "2024-04-01 10:15:00" })]
    public void NonPiiColumnsGetNoLabel(string column, string[] values) =>
        Assert.False(Profiler.Profile(column, values).IsPii);

    [Fact]
    public void IdColumnsAreNeverPersonButStillScanned()
    {
        Assert.NotEqual(EntityTypes.Person, Profiler.Profile("customer_id", ["Alice Smith", "Bob Jones"]).Entity);
        Assert.Equal(EntityTypes.EmailAddress, Profiler.Profile("user_id", ["a@example.com", "b@example.org"]).Entity);
        Assert.Equal(EntityTypes.NationalId, Profiler.Profile("national_id", ["WK48391724", "190641-4941"]).Entity);
    }

    [Fact]
    public void ProseIsFreeText() =>
        Assert.Equal(ColumnKind.FreeText, Profiler.Profile("bio", ["Alice Smith is a software engineer living in New York.", "Bob works for Microsoft and lives in London."]).Kind);

    private static (string[] Header, List<string[]> Rows) ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path, Encoding.UTF8);
        var header = SplitCsv(lines[0].TrimStart('\uFEFF'));
        return (header, lines.Skip(1).Where(l => l.Length > 0).Select(SplitCsv).ToList());
    }

    private static string[] SplitCsv(string line)
    {
        var fields = new List<string>();
        var sb = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else sb.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(sb.ToString()); sb.Clear(); }
            else sb.Append(c);
        }
        fields.Add(sb.ToString());
        return [.. fields];
    }
}
