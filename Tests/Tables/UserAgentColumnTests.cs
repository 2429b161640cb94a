using PiiOrleans.Grains.Tables;
using PiiOrleans.Pii.Detection.Validation;
using PiiOrleans.Tables;

namespace PiiOrleans.Tests.Tables;

/// <summary>Issue 16, case 7: a browser user-agent column is not a phone-number column, in the profile or in the re-scan.</summary>
public sealed class UserAgentColumnTests : IDisposable
{
    private readonly TestDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Issue16_case7_user_agents_pass_the_rescan()
    {
        string[] agents =
        [
            "Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/27.0.1453.93 Safari/537.36",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_8_3) AppleWebKit/536.29.13 (KHTML, like Gecko) Version/6.0.4 Safari/536.29.13",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/114.0.5735.199 Safari/537.36 Edg/114.0.1823.67",
            "Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0",
        ];
        _db.Execute("CREATE TABLE visits (id INTEGER PRIMARY KEY, user_agent TEXT);"
            + string.Concat(Enumerable.Range(0, 40).Select(i => $"INSERT INTO visits (user_agent) VALUES ('{agents[i % agents.Length]}');")));
        var parameters = new TablesJobParameters(_db.InputPath, _db.OutputDirectory, null, true, null, null);

        var (result, _) = await TablesCluster.RunAsync(parameters);

        Assert.True(result.ExitCode == TablesExitCodes.Success, result.Error);
        Assert.True(File.Exists(_db.OutputPath));
    }

    [Theory]
    [InlineData("Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/27.0.1453.93 Safari/537.36")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/114.0.5735.199 Safari/537.36 Edg/114.0.1823.67")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 16_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.5 Mobile/15E148 Safari/604.1")]
    [InlineData("Dalvik/2.1.0 (Linux; U; Android 11; SM-A515F Build/RP1A.200720.012) 10.0.19045.2965")]
    public void Issue16_case7_the_rescan_sees_no_phone_number_in_a_user_agent(string agent)
    {
        var setup = new PiiTablesEngineFactory().Create(TablesEngineSpec.Create(null, null, "/nonexistent.db"));
        var leaks = new List<string>();
        setup.Anonymizer.FindLeaks(agent, "user_agent", leaks);
        setup.Anonymizer.FindLeaks(agent, "phone", leaks);
        Assert.DoesNotContain("PHONE_NUMBER", leaks);
    }

    [Theory]
    [InlineData("Chrome/27.0.1453.93 Safari/537.36", 7, 12, true)]
    [InlineData("build 10.0.19045.2965 ok", 6, 15, true)]
    [InlineData("call 555-123-4567 now", 5, 12, false)]
    [InlineData("call +1 415.555.0100", 5, 15, false)]
    [InlineData("call 415.555.0100", 5, 12, false)]
    [InlineData("ring 01.23.45.67.89", 5, 14, false)]
    public void Issue16_case7_version_strings_are_told_from_phone_numbers(string text, int start, int length, bool version) =>
        Assert.Equal(version, VersionStringSpan.Covers(text, start, length));
}
