using System.Text.Json;
using PiiOrleans.Grains.Tables;
using PiiOrleans.Tables;

namespace PiiOrleans.Tests.Tables;

/// <summary>
/// Issue 16, case 8: a FOREIGN KEY column gets the same consistent pseudonyms as the column it references (declared,
/// or a same-named column holding the same values), so JOINs match and <c>PRAGMA foreign_key_check</c> still passes.
/// </summary>
public sealed class ForeignKeyTests : IDisposable
{
    private const int Customers = 10;
    private const int Orders = 30;
    private readonly TestDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Issue16_case8_declared_foreign_key_on_an_email_primary_key_still_joins()
    {
        CreateShop(declared: true);
        Assert.Empty(TestDatabase.Query(_db.InputPath, "PRAGMA foreign_key_check"));

        var (result, context) = await TablesCluster.RunAsync(new TablesJobParameters(_db.InputPath, _db.OutputDirectory, null, true, null, null));

        Assert.True(result.ExitCode == TablesExitCodes.Success, result.Error);
        Assert.Empty(TestDatabase.Query(_db.OutputPath, "PRAGMA foreign_key_check"));
        AssertJoinedAndAnonymized();
        // The warning names the link, never a value.
        Assert.Contains(context.Warnings, w => w.Message.Contains("customers.email", StringComparison.Ordinal) && !w.Message.Contains('@'));
    }

    [Fact]
    public async Task Issue16_case8_undeclared_same_named_column_with_the_same_values_gets_the_same_pseudonyms()
    {
        CreateShop(declared: false);

        var (result, _) = await TablesCluster.RunAsync(new TablesJobParameters(_db.InputPath, _db.OutputDirectory, null, true, null, null));

        Assert.True(result.ExitCode == TablesExitCodes.Success, result.Error);
        AssertJoinedAndAnonymized(childColumn: "email");
        using var report = JsonDocument.Parse(File.ReadAllText(_db.ReportPath));
        Assert.Contains("linked columns", report.RootElement.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue16_case8_a_mask_that_keeps_keys_distinct_is_kept_alike_in_both_tables()
    {
        // Distinct masks (first letters and lengths differ): no member needs pseudonyms, both get the same mask.
        string[] emails = ["alice@example.com", "bob.jones@example.org", "carol.lee.smith@example.net"];
        _db.Execute("CREATE TABLE customers (email TEXT PRIMARY KEY); CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_email TEXT REFERENCES customers(email));" +
                    string.Concat(emails.Select(e => $"INSERT INTO customers VALUES ('{e}');")) +
                    string.Concat(Enumerable.Range(0, Orders).Select(i => $"INSERT INTO orders (customer_email) VALUES ('{emails[i % emails.Length]}');")));

        var (result, _) = await TablesCluster.RunAsync(new TablesJobParameters(_db.InputPath, _db.OutputDirectory, null, true, null, null));

        Assert.True(result.ExitCode == TablesExitCodes.Success, result.Error);
        Assert.Empty(TestDatabase.Query(_db.OutputPath, "PRAGMA foreign_key_check"));
        Assert.Equal((long)Orders, TestDatabase.Query(_db.OutputPath, "SELECT count(*) FROM orders o JOIN customers c ON c.email = o.customer_email")[0][0]);
        Assert.All(TestDatabase.Query(_db.OutputPath, "SELECT email FROM customers"), r => Assert.Contains('*', (string)r[0]!));
    }

    [Fact]
    public void Issue16_case8_links_are_read_from_declarations_and_from_values()
    {
        CreateShop(declared: true);
        TestDatabase.Execute(_db.InputPath, """
            CREATE TABLE tickets (id INTEGER PRIMARY KEY, email TEXT);
            INSERT INTO tickets (email) SELECT email FROM customers LIMIT 3;
            CREATE TABLE strangers (id INTEGER PRIMARY KEY, email TEXT);
            INSERT INTO strangers (email) VALUES ('nobody@example.net');
            CREATE TABLE lines (id INTEGER PRIMARY KEY, order_id INTEGER REFERENCES orders(id));
            CREATE TABLE returns (id INTEGER PRIMARY KEY, order_email TEXT REFERENCES orders(customer_email));
            """);

        var links = new ColumnLinks(_db.InputPath);

        var group = links.Find(new TableColumn("orders", "customer_email"));
        Assert.NotNull(group);
        Assert.Equal(new TableColumn("customers", "email"), group.Referenced);
        Assert.Contains(new TableColumn("tickets", "EMAIL"), group.Members);
        Assert.Same(group, links.Find(new TableColumn("customers", "email")));
        // A chain (returns → orders → customers) is one group, referenced by the column at its end.
        Assert.Same(group, links.Find(new TableColumn("returns", "order_email")));
        Assert.Null(links.Find(new TableColumn("strangers", "email")));
        // A link to a row id: both sides are copied unchanged, nothing to plan alike.
        Assert.Null(links.Find(new TableColumn("lines", "order_id")));
    }

    private void CreateShop(bool declared)
    {
        var reference = declared ? " REFERENCES customers(email)" : "";
        var child = declared ? "customer_email" : "email";
        var sql = "CREATE TABLE orders (id INTEGER PRIMARY KEY, " + child + " TEXT NOT NULL" + reference + ", total REAL);" +
                  "CREATE TABLE customers (email TEXT PRIMARY KEY, name TEXT);" +
                  string.Concat(Enumerable.Range(0, Customers).Select(i => $"INSERT INTO customers VALUES ('customer{i}@example.com', 'Customer {i}');")) +
                  string.Concat(Enumerable.Range(0, Orders).Select(i => $"INSERT INTO orders ({child}, total) VALUES ('customer{i % Customers}@example.com', {i}.5);"));
        _db.Execute(sql);
    }

    private void AssertJoinedAndAnonymized(string childColumn = "customer_email")
    {
        var joined = TestDatabase.Query(_db.OutputPath, $"SELECT count(*) FROM orders o JOIN customers c ON c.email = o.{childColumn}");
        Assert.Equal((long)Orders, joined[0][0]);
        var emails = TestDatabase.Query(_db.OutputPath, $"SELECT email FROM customers UNION ALL SELECT {childColumn} FROM orders");
        Assert.DoesNotContain(emails, r => ((string)r[0]!).StartsWith("customer", StringComparison.Ordinal));
        Assert.Equal(Customers, TestDatabase.Query(_db.OutputPath, $"SELECT DISTINCT {childColumn} FROM orders").Count);
    }
}
