using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PiiOrleans.Tests.Silo.TestJobs;

namespace PiiOrleans.Tests.Silo.Presidio;

/// <summary>The real silo serves the Presidio endpoints with its configured engine (config file from <c>Pii:ConfigPath</c>).</summary>
public sealed class PresidioSiloTests
{
    [Fact]
    public async Task Silo_serves_analyze_and_anonymize_with_its_configuration()
    {
        var config = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Pii", "Configuration", "vana-presidio-config.json");
        await using var cluster = await TestSilo.StartAsync($"--Pii:ConfigPath={config}");
        using var http = new HttpClient { BaseAddress = cluster.GatewayAddress };

        using var analyze = await http.PostAsJsonAsync("analyze", new { text = "Mail bob@example.com today", language = "en" });
        Assert.Equal(HttpStatusCode.OK, analyze.StatusCode);
        var results = await analyze.Content.ReadFromJsonAsync<JsonElement>();
        var email = Assert.Single(results.EnumerateArray(), r => r.GetProperty("entity_type").GetString() == "EMAIL_ADDRESS");
        Assert.Equal(5, email.GetProperty("start").GetInt32());
        Assert.Equal(20, email.GetProperty("end").GetInt32());

        using var anonymize = await http.PostAsJsonAsync("anonymize", new
        {
            text = "Mail bob@example.com today",
            analyzer_results = new[] { new { start = 5, end = 20, score = 1.0, entity_type = "EMAIL_ADDRESS" } },
        });
        var body = await anonymize.Content.ReadFromJsonAsync<JsonElement>();
        // Without anonymizers Presidio replaces every entity with <ENTITY_TYPE>; the configured operators are the job API's.
        Assert.Equal("Mail <EMAIL_ADDRESS> today", body.GetProperty("text").GetString());

        var entities = await http.GetFromJsonAsync<string[]>("supportedentities");
        Assert.Contains("EMAIL_ADDRESS", entities!);
        Assert.DoesNotContain("DATE_TIME", entities!);
    }
}
