using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PiiOrleans.Pii.Configuration;
using PiiOrleans.Pii.Engine;
using PiiOrleans.Silo.Gateway.Presidio;
using PiiOrleans.Tests.Pii.Engine;

namespace PiiOrleans.Tests.Silo.Presidio;

/// <summary>The Presidio-compatible endpoints over real HTTP (one Kestrel server on a free loopback port for the class).</summary>
public sealed class PresidioEndpointsTests(PresidioServerFixture server) : IClassFixture<PresidioServerFixture>
{
    private HttpClient Client => server.Client;

    private async Task<(HttpStatusCode Status, JsonElement Body)> Post(string path, string json)
    {
        using var response = await Client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (response.StatusCode, body);
    }

    [Fact]
    public async Task Analyze_returns_presidio_results()
    {
        var (status, body) = await Post("/analyze", """{"text": "Mail John at john@example.com", "language": "en", "correlation_id": "c1"}""");
        Assert.Equal(HttpStatusCode.OK, status);
        var results = body.EnumerateArray().ToList();
        Assert.Equal(2, results.Count);
        Assert.Equal("PERSON", results[0].GetProperty("entity_type").GetString());
        Assert.Equal(5, results[0].GetProperty("start").GetInt32());
        Assert.Equal(9, results[0].GetProperty("end").GetInt32());
        Assert.Equal(0.85, results[0].GetProperty("score").GetDouble());
        Assert.Equal("RegexTestRecognizer", results[0].GetProperty("recognition_metadata").GetProperty("recognizer_name").GetString());
        Assert.Equal("EMAIL_ADDRESS", results[1].GetProperty("entity_type").GetString());
    }

    [Fact]
    public async Task Analyze_honours_entities_threshold_and_allow_list()
    {
        var (_, onlyEmail) = await Post("/analyze", """{"text": "John 555-123-4567 john@example.com", "language": "en", "entities": ["EMAIL_ADDRESS"]}""");
        Assert.Equal(["EMAIL_ADDRESS"], onlyEmail.EnumerateArray().Select(r => r.GetProperty("entity_type").GetString()));

        var (_, strong) = await Post("/analyze", """{"text": "John 555-123-4567 john@example.com", "language": "en", "score_threshold": 0.8}""");
        Assert.Equal(["PERSON", "EMAIL_ADDRESS"], strong.EnumerateArray().Select(r => r.GetProperty("entity_type").GetString()));

        var (_, allowed) = await Post("/analyze", """{"text": "John john@example.com", "language": "en", "allow_list": ["john@example.com"]}""");
        Assert.Equal(["PERSON"], allowed.EnumerateArray().Select(r => r.GetProperty("entity_type").GetString()));
    }

    [Fact]
    public async Task Anonymize_applies_requested_operators_and_returns_output_offsets()
    {
        var (status, body) = await Post("/anonymize", """
            {
              "text": "hello world, my name is Jane Doe. My number is: 034453334",
              "anonymizers": {
                "DEFAULT": {"type": "replace", "new_value": "ANONYMIZED"},
                "PHONE_NUMBER": {"type": "mask", "masking_char": "*", "chars_to_mask": 4, "from_end": true}
              },
              "analyzer_results": [
                {"start": 24, "end": 32, "score": 0.8, "entity_type": "NAME"},
                {"start": 48, "end": 57, "score": 0.95, "entity_type": "PHONE_NUMBER"}
              ]
            }
            """);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("hello world, my name is ANONYMIZED. My number is: 03445****", body.GetProperty("text").GetString());
        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal("replace", items[0].GetProperty("operator").GetString());
        Assert.Equal(24, items[0].GetProperty("start").GetInt32());
        Assert.Equal(34, items[0].GetProperty("end").GetInt32());
        Assert.Equal("mask", items[1].GetProperty("operator").GetString());
        Assert.Equal("03445****", items[1].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Anonymize_without_anonymizers_uses_the_silo_configuration()
    {
        var (_, body) = await Post("/anonymize", """{"text": "Call John", "analyzer_results": [{"start": 5, "end": 9, "score": 0.9, "entity_type": "PERSON"}]}""");
        Assert.Equal("Call Jo**", body.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Encrypt_then_deanonymize_round_trips()
    {
        const string key = "WmZq4t7w!z%C&F)J";
        var (_, encrypted) = await Post("/anonymize", $$$"""
            {"text": "My name is Chloë", "anonymizers": {"PERSON": {"type": "encrypt", "key": "{{{key}}}"}},
             "analyzer_results": [{"start": 11, "end": 16, "score": 0.9, "entity_type": "PERSON"}]}
            """);
        var item = encrypted.GetProperty("items")[0];
        var (status, restored) = await Post("/deanonymize", $$$"""
            {"text": {{{JsonSerializer.Serialize(encrypted.GetProperty("text").GetString())}}},
             "deanonymizers": {"PERSON": {"type": "decrypt", "key": "{{{key}}}"}},
             "anonymizer_results": [{"start": {{{item.GetProperty("start").GetInt32()}}}, "end": {{{item.GetProperty("end").GetInt32()}}}, "entity_type": "PERSON"}]}
            """);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("My name is Chloë", restored.GetProperty("text").GetString());

        // A value Presidio itself produced.
        var (_, presidio) = await Post("/deanonymize", $$$"""
            {"text": "My name is S184CMt9Drj7QaKQ21JTrpYzghnboTF9pn/neN8JME0=",
             "deanonymizers": {"PERSON": {"type": "decrypt", "key": "{{{key}}}"}},
             "anonymizer_results": [{"start": 11, "end": 55, "entity_type": "PERSON"}]}
            """);
        Assert.Equal("My name is Chloë", presidio.GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("/analyze", """{"language": "en"}""", "text")]
    [InlineData("/analyze", """{"text": "x", "language": "de"}""", "language 'de'")]
    [InlineData("/analyze", """{"text": "x", "score_threshold": 3}""", "score_threshold")]
    [InlineData("/analyze", """{"text": "x", "entities": "PERSON"}""", "entities")]
    [InlineData("/analyze", """not json""", "not valid JSON")]
    [InlineData("/analyze", """[1]""", "JSON object")]
    [InlineData("/anonymize", """{"text": "abc", "analyzer_results": [{"start": 0, "end": 9, "entity_type": "X"}]}""", "analyzer_results[0]")]
    [InlineData("/anonymize", """{"text": "abc", "analyzer_results": [{"start": 0, "end": 2}]}""", "analyzer_results[0].entity_type")]
    [InlineData("/anonymize", """{"text": "abc", "anonymizers": {"X": {"type": "shred"}}, "analyzer_results": []}""", "anonymizers.X.type")]
    [InlineData("/anonymize", """{"text": "abc", "anonymizers": {"X": {"type": "mask", "masking_char": "*", "from_end": true}}, "analyzer_results": []}""", "anonymizers.X.chars_to_mask")]
    [InlineData("/anonymize", """{"text": "abc", "anonymizers": {"X": {"type": "encrypt", "key": "short"}}, "analyzer_results": []}""", "anonymizers.X.key")]
    [InlineData("/anonymize", """{"text": "abc", "anonymizers": {"X": {"new_value": "y"}}, "analyzer_results": []}""", "anonymizers.X.type")]
    [InlineData("/deanonymize", """{"text": "abc", "anonymizer_results": []}""", "deanonymizers")]
    [InlineData("/deanonymize", """{"text": "abcdefghijklmnopqrstuvwxyz", "deanonymizers": {"DEFAULT": {"type": "decrypt", "key": "0123456789abcdef"}}, "anonymizer_results": [{"start": 0, "end": 26, "entity_type": "P"}]}""", "could not be decrypted")]
    public async Task Bad_requests_get_400_naming_the_field(string path, string json, string expected)
    {
        var (status, body) = await Post(path, json);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(expected, body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listing_endpoints()
    {
        Assert.Equal(["EMAIL_ADDRESS", "PHONE_NUMBER", "PERSON"], (await Client.GetFromJsonAsync<string[]>("/supportedentities?language=en"))!);
        Assert.Equal(["RegexTestRecognizer"], (await Client.GetFromJsonAsync<string[]>("/recognizers"))!);
        var anonymizers = await Client.GetFromJsonAsync<string[]>("/anonymizers");
        Assert.Contains("replace", anonymizers!);
        Assert.Contains("mask_email", anonymizers!);
        Assert.Equal(["decrypt", "depseudonymize"], (await Client.GetFromJsonAsync<string[]>("/deanonymizers"))!);
        using var german = await Client.GetAsync("/supportedentities?language=de");
        Assert.Equal(HttpStatusCode.BadRequest, german.StatusCode);
    }
}
