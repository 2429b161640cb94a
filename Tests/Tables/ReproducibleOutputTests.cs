using System.Globalization;
using System.Text;
using PiiOrleans.Client;

namespace PiiOrleans.Tests.Tables;

/// <summary>
/// A re-run gives the same file, end to end through <c>piiorleans tables</c> with the real engine, even where
/// consistent pseudonyms collide and are retried (many distinct names in a UNIQUE column, small batches analysed in
/// parallel) and without a configured seed; the default seed comes from the input, so another input pseudonymizes
/// the same value differently.
/// </summary>
public sealed class ReproducibleOutputTests : IDisposable
{
    private readonly TestDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private async Task<byte[]> RunAsync(params string[] extra)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await ClientCommandLine.RunAsync(
            ["tables", "-i", _db.InputPath, "-o", _db.OutputDirectory, "-c", TablesCluster.Fixture("vana-presidio-config.json"), .. extra],
            new ClientEnvironment(output, error, terminalAttached: false));
        Assert.True(code == 0, error.ToString() + output);
        return File.ReadAllBytes(_db.OutputPath);
    }

    [Fact]
    public async Task ReRunWithCollidingPseudonymsGivesTheSameBytes()
    {
        // 2,000 distinct people: the fake name pool (48 × 48 names) fills up, so many candidates collide and are retried
        // and late values get numbered suffixes; which value gets which depends on allocation order. Their e-mails
        // (also UNIQUE) collide less often.
        string[] firstNames = ["James", "Mary", "John", "Linda", "Robert", "Susan", "Michael", "Karen", "David", "Nancy", "William", "Lisa",
            "Richard", "Betty", "Joseph", "Sandra", "Thomas", "Ashley", "Charles", "Emily", "Daniel", "Donna", "Matthew", "Carol",
            "Anthony", "Ruth", "Mark", "Sharon", "Paul", "Laura", "Steven", "Helen", "Andrew", "Anna", "Kenneth", "Maria", "Peter",
            "Julia", "George", "Alice"];
        string[] lastNames = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Wilson",
            "Anderson", "Taylor", "Thomas", "Moore", "Jackson", "Martin", "Lee", "Thompson", "White", "Harris", "Clark", "Lewis",
            "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Green", "Baker", "Adams", "Nelson", "Hill", "Campbell",
            "Mitchell", "Roberts", "Carter", "Phillips", "Evans", "Turner", "Torres", "Parker", "Collins", "Edwards", "Stewart", "Morris",
            "Murphy", "Cook"];
        var sql = new StringBuilder("CREATE TABLE users (user_id TEXT PRIMARY KEY, name TEXT UNIQUE, email TEXT UNIQUE, bio TEXT, locale TEXT);\n");
        var i = 0;
        var names = firstNames.SelectMany(f => lastNames.Select(l => $"{f} {l}")).Take(2000).ToList();
        var emails = names.Select(n => n.Replace(' ', '.').ToLowerInvariant() + "@mail.com").ToList();
        foreach (var (name, email) in names.Zip(emails))
        {
            sql.Append(CultureInfo.InvariantCulture, $"INSERT INTO users VALUES ('u{i}', '{name}', '{email}', 'Contact {email} or call 555-0{i % 1000:D3}. Lives in Springfield.', 'en_US');\n");
            i++;
        }

        TestDatabase.Execute(_db.InputPath, sql.ToString());

        var first = await RunAsync("--batch-size", "40");
        var second = await RunAsync("--batch-size", "40");

        Assert.Equal(first, second);
        var rows = TestDatabase.Query(_db.OutputPath, "SELECT name, email FROM users ORDER BY rowid");
        Assert.Equal(2000, rows.Select(r => (string)r[0]!).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(2000, rows.Select(r => (string)r[1]!).Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain(rows, r => names.Contains((string)r[0]!) || emails.Contains((string)r[1]!));
    }

    [Fact]
    public async Task TheDefaultSeedDependsOnTheWholeInput()
    {
        TestDatabase.Execute(_db.InputPath, """
            CREATE TABLE users (user_id TEXT PRIMARY KEY, email TEXT UNIQUE, locale TEXT);
            INSERT INTO users VALUES ('u1', 'john@example.com', 'en_US'), ('u2', 'joan@example.com', 'en_US');
            """);
        await RunAsync();
        var before = TestDatabase.Query(_db.OutputPath, "SELECT email FROM users WHERE user_id = 'u1'")[0][0];

        // Another cell changes, not John's: his pseudonym must change too, or a default seed would be guessable.
        TestDatabase.Execute(_db.InputPath, "UPDATE users SET locale = 'fr_FR' WHERE user_id = 'u2';");
        await RunAsync();
        var after = TestDatabase.Query(_db.OutputPath, "SELECT email FROM users WHERE user_id = 'u1'")[0][0];

        Assert.NotEqual(before, after);
    }
}
