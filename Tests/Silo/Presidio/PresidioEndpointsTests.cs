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
        // Presidio's order (highest score first) and keys (sorted; analysis_explanation null unless asked for).
        Assert.Equal("EMAIL_ADDRESS", results[0].GetProperty("entity_type").GetString());
        Assert.Equal("PERSON", results[1].GetProperty("entity_type").GetString());
        Assert.Equal(5, results[1].GetProperty("start").GetInt32());
        Assert.Equal(9, results[1].GetProperty("end").GetInt32());
        Assert.Equal(0.85, results[1].GetProperty("score").GetDouble());
        Assert.Equal(["analysis_explanation", "end", "entity_type", "score", "start"], results[1].EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, results[1].GetProperty("analysis_explanation").ValueKind);
    }

    [Fact]
    public async Task Analyze_honours_entities_threshold_and_allow_list()
    {
        var (_, onlyEmail) = await Post("/analyze", """{"text": "John 555-123-4567 john@example.com", "language": "en", "entities": ["EMAIL_ADDRESS"]}""");
        Assert.Equal(["EMAIL_ADDRESS"], onlyEmail.EnumerateArray().Select(r => r.GetProperty("entity_type").GetString()));

        var (_, strong) = await Post("/analyze", """{"text": "John 555-123-4567 john@example.com", "language": "en", "score_threshold": 0.8}""");
        Assert.Equal(["EMAIL_ADDRESS", "PERSON"], strong.EnumerateArray().Select(r => r.GetProperty("entity_type").GetString()));

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
        // Presidio lists the items from the end of the text to its start.
        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal("mask", items[0].GetProperty("operator").GetString());
        Assert.Equal("03445****", items[0].GetProperty("text").GetString());
        Assert.Equal("replace", items[1].GetProperty("operator").GetString());
        Assert.Equal(24, items[1].GetProperty("start").GetInt32());
        Assert.Equal(34, items[1].GetProperty("end").GetInt32());
        Assert.Equal(["start", "end", "entity_type", "text", "operator"], items[1].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Anonymize_without_anonymizers_replaces_with_the_entity_type_as_presidio_does()
    {
        var (_, body) = await Post("/anonymize", """{"text": "Call John", "analyzer_results": [{"start": 5, "end": 9, "score": 0.9, "entity_type": "PERSON"}]}""");
        Assert.Equal("Call <PERSON>", body.GetProperty("text").GetString());
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
    [InlineData("/analyze", """{"language": "en"}""", 400, "No text provided")]
    [InlineData("/analyze", """{"text": "", "language": "en"}""", 400, "No text provided")]
    [InlineData("/analyze", """{"text": "x"}""", 400, "No language provided")]
    [InlineData("/analyze", """{"text": "x", "language": "de"}""", 400, "No matching recognizers were found to serve the request.")]
    [InlineData("/analyze", """{"text": "x", "language": "en", "score_threshold": 3}""", 400, "score_threshold")]
    [InlineData("/analyze", """{"text": "x", "language": "en", "entities": ["NOT_AN_ENTITY"]}""", 400, "No matching recognizers were found to serve the request.")]
    [InlineData("/analyze", """{"text": "x", "language": "en", "entities": "PERSON"}""", 400, "entities")]
    [InlineData("/analyze", """{"text": "x", "language": "en", "ad_hoc_recognizers": [{"patterns": [{"name": "p", "regex": "x", "score": 0.5}]}]}""", 400, "initialized with entity")]
    [InlineData("/analyze", """{"text": "x", "language": "en", "ad_hoc_recognizers": [{"supported_entity": "X"}]}""", 400, "patterns or with deny list")]
    [InlineData("/analyze", """{"text": "x", "language": "en", "ad_hoc_recognizers": [{"supported_entity": "X", "deny_list": ["x"], "colour": 1}]}""", 400, "unknown key 'colour'")]
    [InlineData("/analyze", """{"text": "x", "language": "en", "ad_hoc_recognizers": [{"supported_entity": "X", "patterns": [{"name": "p", "regex": "(", "score": 0.5}]}]}""", 400, "patterns[0]")]
    [InlineData("/analyze", """not json""", 400, "Invalid request json")]
    [InlineData("/analyze", """[1]""", 400, "Invalid request json")]
    [InlineData("/anonymize", """{}""", 400, "Invalid request json")]
    [InlineData("/anonymize", """{"text": "abc"}""", 422, "Invalid input, request must contain analyzer results")]
    [InlineData("/anonymize", """{"text": "abc", "analyzer_results": [{"start": 0, "end": 9, "score": 0.5, "entity_type": "X"}]}""", 422, "Invalid analyzer result, start: 0 and end: 9, while text length is only 3.")]
    [InlineData("/anonymize", """{"text": "abc", "analyzer_results": [{"start": 0, "end": 2, "score": 0.5}]}""", 422, "Invalid input, result must contain entity_type")]
    [InlineData("/anonymize", """{"text": "abc", "analyzer_results": [{"end": 2, "score": 0.5, "entity_type": "X"}]}""", 422, "Invalid input, result must contain start")]
    [InlineData("/anonymize", """{"text": "abc", "analyzer_results": [{"start": "0", "end": 2, "score": 0.5, "entity_type": "X"}]}""", 422, "Invalid parameter value for start. Expecting 'number', but got 'string'.")]
    [InlineData("/anonymize", """{"text": "abc", "analyzer_results": [{"start": -1, "end": 2, "score": 0.5, "entity_type": "X"}]}""", 422, "Invalid input, result start and end must be positive")]
    [InlineData("/anonymize", """{"text": "abc", "analyzer_results": [{"start": 2, "end": 1, "score": 0.5, "entity_type": "X"}]}""", 422, "Invalid input, start index '2' must be smaller than end index '1'")]
    [InlineData("/anonymize", """{"text": "abc", "analyzer_results": [{"start": 0, "end": 2, "entity_type": "X"}]}""", 422, "Invalid input, analyzer result must contain score")]
    [InlineData("/anonymize", """{"text": "abc", "anonymizers": {"X": {"type": "shred"}}, "analyzer_results": [{"start": 0, "end": 2, "score": 0.5, "entity_type": "X"}]}""", 422, "Invalid operator class 'shred'.")]
    [InlineData("/anonymize", """{"text": "abc", "anonymizers": {"X": {"type": "custom", "lambda": "x"}}, "analyzer_results": []}""", 400, "Custom type anonymizer is not supported")]
    [InlineData("/anonymize", """{"text": "abc", "anonymizers": {"X": {"type": "mask", "masking_char": "*", "from_end": true}}, "analyzer_results": [{"start": 0, "end": 2, "score": 0.5, "entity_type": "X"}]}""", 422, "Expected parameter chars_to_mask")]
    [InlineData("/anonymize", """{"text": "abc", "anonymizers": {"X": {"type": "mask", "masking_char": "**", "chars_to_mask": 1, "from_end": true}}, "analyzer_results": [{"start": 0, "end": 2, "score": 0.5, "entity_type": "X"}]}""", 422, "Invalid input, masking_char must be a character")]
    [InlineData("/anonymize", """{"text": "abc", "anonymizers": {"X": {"type": "encrypt", "key": "short"}}, "analyzer_results": [{"start": 0, "end": 2, "score": 0.5, "entity_type": "X"}]}""", 422, "Invalid input, key must be of length 128, 192 or 256 bits")]
    [InlineData("/anonymize", """{"text": "abc", "anonymizers": {"X": {"type": "encrypt"}}, "analyzer_results": [{"start": 0, "end": 2, "score": 0.5, "entity_type": "X"}]}""", 422, "Expected parameter key")]
    [InlineData("/anonymize", """{"text": "abc", "anonymizers": {"X": {"type": "hash", "hash_type": "md5"}}, "analyzer_results": [{"start": 0, "end": 2, "score": 0.5, "entity_type": "X"}]}""", 422, "Parameter hash_type value md5 is not in range of values ['sha256', 'sha512']")]
    [InlineData("/anonymize", """{"text": "abc", "anonymizers": {"X": {"type": "hash", "salt": "short"}}, "analyzer_results": [{"start": 0, "end": 2, "score": 0.5, "entity_type": "X"}]}""", 422, "Salt must be at least 16 bytes")]
    [InlineData("/anonymize", """{"text": "abc", "anonymizers": {"X": {"type": "replace", "new_value": 5}}, "analyzer_results": [{"start": 0, "end": 2, "score": 0.5, "entity_type": "X"}]}""", 422, "Invalid parameter value for new_value. Expecting 'string', but got 'number'.")]
    [InlineData("/anonymize", """{"text": "abc", "anonymizers": {"X": {"new_value": "y"}}, "analyzer_results": [{"start": 0, "end": 2, "score": 0.5, "entity_type": "X"}]}""", 422, "Invalid input, operator config must contain operator_name")]
    [InlineData("/deanonymize", """{}""", 400, "Invalid request json")]
    [InlineData("/deanonymize", """{"text": "abc", "deanonymizers": {"X": {"type": "decrypt", "key": "short"}}, "anonymizer_results": [{"start": 0, "end": 2, "entity_type": "X"}]}""", 422, "Invalid input, key must be of length 128, 192 or 256 bits")]
    [InlineData("/deanonymize", """{"text": "abc", "deanonymizers": {"X": {"type": "decrypt"}}, "anonymizer_results": [{"start": 0, "end": 2, "entity_type": "X"}]}""", 422, "Expected parameter key")]
    [InlineData("/deanonymize", """{"text": "abcdefghijklmnopqrstuvwxyz", "deanonymizers": {"DEFAULT": {"type": "decrypt", "key": "0123456789abcdef"}}, "anonymizer_results": [{"start": 0, "end": 26, "entity_type": "P"}]}""", 500, "could not be decrypted")]
    public async Task Errors_are_answered_in_presidios_shape(string path, string json, int status, string expected)
    {
        var (code, body) = await Post(path, json);
        Assert.Equal(status, (int)code);
        Assert.Contains(expected, body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Operators_are_validated_only_for_entities_that_occur()
    {
        var (status, body) = await Post("/anonymize", """
            {"text": "abc", "anonymizers": {"PERSON": {"type": "mask"}}, "analyzer_results": [{"start": 0, "end": 3, "score": 0.5, "entity_type": "X"}]}
            """);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("<X>", body.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Deanonymize_without_results_returns_the_text()
    {
        var (status, body) = await Post("/deanonymize", """{"text": "abc", "anonymizer_results": []}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("abc", body.GetProperty("text").GetString());
        Assert.Empty(body.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Listing_endpoints()
    {
        Assert.Equal(["EMAIL_ADDRESS", "PHONE_NUMBER", "PERSON"], (await Client.GetFromJsonAsync<string[]>("/supportedentities?language=en"))!);
        Assert.Equal(["RegexTestRecognizer"], (await Client.GetFromJsonAsync<string[]>("/recognizers"))!);
        var anonymizers = await Client.GetFromJsonAsync<string[]>("/anonymizers");
        Assert.Contains("replace", anonymizers!);
        Assert.Contains("mask_email", anonymizers!);
        Assert.Equal(["deanonymize_keep", "decrypt", "depseudonymize"], (await Client.GetFromJsonAsync<string[]>("/deanonymizers"))!);
        using var german = await Client.GetAsync("/supportedentities?language=de");
        Assert.Equal(HttpStatusCode.BadRequest, german.StatusCode);
        Assert.Contains("No matching recognizers", (await german.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(),
            StringComparison.Ordinal);
    }
}
