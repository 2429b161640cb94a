using PiiOrleans.Grains.Tables;
using PiiOrleans.Tables;

namespace PiiOrleans.Tests.Tables;

/// <summary>Issue 16, cases 5 and 6: the re-scan is a safety net the configuration cannot switch off, and validated matches are never left in clear by a threshold.</summary>
public sealed class PrivacyRescanTests : IDisposable
{
    private readonly TestDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private async Task<TablesJobResult> RunAsync(string configJson)
    {
        var config = Path.Combine(_db.Directory, "config.json");
        File.WriteAllText(config, configJson);
        var parameters = new TablesJobParameters(_db.InputPath, _db.OutputDirectory, config, true, null, null);
        var (result, _) = await TablesCluster.RunAsync(parameters);
        return result;
    }

    [Fact]
    public async Task Issue16_case5_a_disabled_email_entity_does_not_switch_the_rescan_off()
    {
        _db.Execute("CREATE TABLE t (id INTEGER PRIMARY KEY, notes TEXT); INSERT INTO t (notes) VALUES ('please write to eve.adams@example.com today');");

        var result = await RunAsync("""
            {"entities": {
              "email": {"entity_type": "EMAIL_ADDRESS", "enabled": false},
              "phone": {"entity_type": "PHONE_NUMBER", "anonymization_strategy": "replace"}}}
            """);

        Assert.Equal(TablesExitCodes.PrivacyCheckFailed, result.ExitCode);
        Assert.Contains("t.notes: EMAIL_ADDRESS", result.Error);
        Assert.DoesNotContain("eve.adams", result.Error);
        Assert.False(File.Exists(_db.OutputPath));
    }

    [Fact]
    public async Task Issue16_case6_a_threshold_above_the_rescans_cannot_leave_a_validated_ssn_in_clear()
    {
        _db.Execute("CREATE TABLE t (id INTEGER PRIMARY KEY, notes TEXT); INSERT INTO t (notes) VALUES ('ticket reopened, reference 536-22-8741 attached');");

        var result = await RunAsync("""
            {"entities": {"ssn": {"entity_type": "US_SSN", "confidence_threshold": 0.99, "anonymization_strategy": "replace"}}}
            """);

        Assert.True(result.ExitCode == TablesExitCodes.Success, result.Error);
        var notes = (string)TestDatabase.Query(_db.OutputPath, "SELECT notes FROM t")[0][0]!;
        Assert.DoesNotContain("536-22-8741", notes);
    }
}
