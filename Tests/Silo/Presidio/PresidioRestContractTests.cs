using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace PiiOrleans.Tests.Silo.Presidio;

/// <summary>
/// End to end over HTTP with the real pattern engine, sending exactly what a Presidio client sends (the requests of
/// Presidio's REST documentation and its documented variations) and checking what a Presidio client reads back.
/// </summary>
public sealed class PresidioRestContractTests(PresidioApiFixture server) : IClassFixture<PresidioApiFixture>
{
    private HttpClient Client => server.Client;

    private async Task<(HttpStatusCode Status, JsonElement Body)> Post(string path, string json)
    {
        using var response = await Client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private static (string Entity, int Start, int End, double Score)[] Results(JsonElement array) =>
        [.. array.EnumerateArray().Select(r => (r.GetProperty("entity_type").GetString()!, r.GetProperty("start").GetInt32(),
            r.GetProperty("end").GetInt32(), r.GetProperty("score").GetDouble()))];

    [Fact]
    public async Task Health_answers_plain_text()
    {
        using var response = await Client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("service is up", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_finds_entities_with_python_offsets()
    {
        var (status, body) = await Post("/analyze", """{"text": "My email is john@example.com, my IP 192.168.0.1", "language": "en"}""");
        Assert.Equal(HttpStatusCode.OK, status);
        var results = Results(body);
        Assert.Contains(results, r => r is ("EMAIL_ADDRESS", 12, 28, _));
        Assert.Contains(results, r => r is ("IP_ADDRESS", 36, 47, _));

        // Offsets count code points as Python's do: the emoji is one character.
        var (_, emoji) = await Post("/analyze", """{"text": "😀 mail john@example.com", "language": "en", "entities": ["EMAIL_ADDRESS"]}""");
        Assert.Equal([("EMAIL_ADDRESS", 7, 23)], Results(emoji).Select(r => (r.Entity, r.Start, r.End)));
    }

    [Fact]
    public async Task Analyze_a_list_of_texts_answers_a_list_of_result_lists()
    {
        var (status, body) = await Post("/analyze", """{"text": ["mail john@example.com", "nothing here", "ip 10.1.2.3"], "language": "en"}""");
        Assert.Equal(HttpStatusCode.OK, status);
        var lists = body.EnumerateArray().ToList();
        Assert.Equal(3, lists.Count);
        Assert.Equal("EMAIL_ADDRESS", Assert.Single(Results(lists[0])).Entity);
        Assert.Empty(Results(lists[1]));
        Assert.Equal("IP_ADDRESS", Assert.Single(Results(lists[2])).Entity);
    }

    [Fact]
    public async Task Ad_hoc_recognizers_apply_to_the_request_with_their_context()
    {
        const string request = """
            {
              "text": "John Smith drivers license is AC432223 and the zip code is 12345",
              "language": "en",
              "correlation_id": "123e4567-e89b-12d3-a456-426614174000",
              "entities": ["US_DRIVER_LICENSE", "ZIP"],
              "ad_hoc_recognizers": [{
                "name": "Zip code Recognizer", "supported_language": "en",
                "patterns": [{"name": "zip code (weak)", "regex": "(\\b\\d{5}(?:\\-\\d{4})?\\b)", "score": 0.01}],
                "context": ["zip", "code"], "supported_entity": "ZIP"
              }]
            }
            """;
        var (status, body) = await Post("/analyze", request);
        Assert.Equal(HttpStatusCode.OK, status);
        var results = Results(body);
        Assert.Contains(results, r => r is ("US_DRIVER_LICENSE", 30, 38, _) && Math.Abs(r.Score - 0.65) < 1e-9);
        Assert.Contains(results, r => r is ("ZIP", 59, 64, 0.4));

        // With Presidio's example threshold the context-raised ZIP (0.4) is below it.
        var (_, strict) = await Post("/analyze", request.Replace("\"language\": \"en\",", "\"language\": \"en\", \"score_threshold\": 0.6,", StringComparison.Ordinal));
        Assert.Equal(["US_DRIVER_LICENSE"], Results(strict).Select(r => r.Entity));
    }

    [Fact]
    public async Task Ad_hoc_deny_lists_and_other_languages()
    {
        var (_, body) = await Post("/analyze", """
            {"text": "Mr Smith met mrs Doe", "language": "en",
             "ad_hoc_recognizers": [
               {"supported_entity": "TITLE", "deny_list": ["Mr", "Mrs"], "deny_list_score": 0.9},
               {"supported_entity": "ANIMAL", "supported_language": "de", "deny_list": ["Smith"]}]}
            """);
        var titles = Results(body);
        Assert.Equal([("TITLE", 0, 2, 0.9), ("TITLE", 13, 16, 0.9)], titles.OrderBy(r => r.Start));
    }

    [Fact]
    public async Task Ad_hoc_patterns_ignore_case_unless_the_flags_say_otherwise()
    {
        const string template = """
            {"text": "Code ABC-1 and abc-2", "language": "en", FLAGS
             "ad_hoc_recognizers": [{"supported_entity": "CODE", "patterns": [{"name": "code", "regex": "ABC-\\d", "score": 0.7}]}]}
            """;
        var (_, caseless) = await Post("/analyze", template.Replace("FLAGS", "", StringComparison.Ordinal));
        Assert.Equal(2, Results(caseless).Length);
        var (_, exact) = await Post("/analyze", template.Replace("FLAGS", "\"regex_flags\": 24,", StringComparison.Ordinal));
        Assert.Equal([("CODE", 5, 10)], Results(exact).Select(r => (r.Entity, r.Start, r.End)));
    }

    [Fact]
    public async Task Request_context_words_raise_a_supported_result()
    {
        const string template = """
            {"text": "reference 12345", "language": "en", CONTEXT
             "ad_hoc_recognizers": [{"supported_entity": "ZIP", "patterns": [{"name": "zip", "regex": "\\b\\d{5}\\b", "score": 0.3}], "context": ["zip"]}]}
            """;
        var (_, plain) = await Post("/analyze", template.Replace("CONTEXT", "", StringComparison.Ordinal));
        Assert.Equal(0.3, Assert.Single(Results(plain)).Score);
        var (_, raised) = await Post("/analyze", template.Replace("CONTEXT", "\"context\": [\"zip code\"],", StringComparison.Ordinal));
        Assert.Equal(0.65, Assert.Single(Results(raised)).Score, 9);
    }

    [Fact]
    public async Task Return_decision_process_explains_each_result()
    {
        var (_, body) = await Post("/analyze", """
            {"text": "zip 12345", "language": "en", "return_decision_process": true, "entities": ["ZIP"],
             "ad_hoc_recognizers": [{"name": "Zip", "supported_entity": "ZIP", "patterns": [{"name": "zip5", "regex": "\\d{5}", "score": 0.3}], "context": ["zip"]}]}
            """);
        var explanation = Assert.Single(body.EnumerateArray()).GetProperty("analysis_explanation");
        Assert.Equal("Zip", explanation.GetProperty("recognizer").GetString());
        Assert.Equal("zip5", explanation.GetProperty("pattern_name").GetString());
        Assert.Equal(0.3, explanation.GetProperty("original_score").GetDouble());
        Assert.Equal(0.65, explanation.GetProperty("score").GetDouble(), 9);
        Assert.Equal(0.35, explanation.GetProperty("score_context_improvement").GetDouble(), 9);
    }

    [Fact]
    public async Task Allow_lists_match_exactly_or_by_regex()
    {
        var (_, exact) = await Post("/analyze", """{"text": "a@example.com b@example.com", "language": "en", "allow_list": ["a@example.com"]}""");
        Assert.Equal([14], Results(exact).Where(r => r.Entity == "EMAIL_ADDRESS").Select(r => r.Start));
        var (_, regex) = await Post("/analyze", """{"text": "a@example.com b@example.org", "language": "en", "allow_list": [".*@example\\.com"], "allow_list_match": "regex"}""");
        Assert.Equal([14], Results(regex).Where(r => r.Entity == "EMAIL_ADDRESS").Select(r => r.Start));
    }

    [Fact]
    public async Task Anonymize_the_documented_example()
    {
        var (status, body) = await Post("/anonymize", """
            {
              "text": "hello world, my name is Jane Doe. My number is: 034453334",
              "anonymizers": {"PERSON": {"type": "redact"}, "PHONE_NUMBER": {"type": "replace", "new_value": "ANONYMIZED"}},
              "analyzer_results": [
                {"start": 24, "end": 32, "score": 0.8, "entity_type": "PERSON"},
                {"start": 48, "end": 57, "score": 0.95, "entity_type": "PHONE_NUMBER"}]
            }
            """);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("hello world, my name is . My number is: ANONYMIZED", body.GetProperty("text").GetString());
        var items = body.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("operator").GetString(),
            i.GetProperty("entity_type").GetString(), i.GetProperty("start").GetInt32(), i.GetProperty("end").GetInt32(),
            i.GetProperty("text").GetString())).ToList();
        Assert.Equal([("replace", "PHONE_NUMBER", 40, 50, "ANONYMIZED"), ("redact", "PERSON", 24, 24, "")], items);
    }

    [Fact]
    public async Task Anonymize_resolves_overlaps_as_presidio()
    {
        var (_, body) = await Post("/anonymize", """
            {"text": "John Smith at john@example.com",
             "analyzer_results": [
               {"start": 0, "end": 4, "score": 0.7, "entity_type": "PERSON"},
               {"start": 5, "end": 10, "score": 0.8, "entity_type": "PERSON"},
               {"start": 14, "end": 30, "score": 1.0, "entity_type": "EMAIL_ADDRESS"},
               {"start": 19, "end": 30, "score": 0.5, "entity_type": "URL"}]}
            """);
        Assert.Equal("<PERSON> at <EMAIL_ADDRESS>", body.GetProperty("text").GetString());
        Assert.Equal(2, body.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Anonymize_offsets_are_python_offsets()
    {
        var (_, body) = await Post("/anonymize", """
            {"text": "😀 John", "analyzer_results": [{"start": 2, "end": 6, "score": 0.9, "entity_type": "PERSON"}]}
            """);
        Assert.Equal("😀 <PERSON>", body.GetProperty("text").GetString());
        var item = Assert.Single(body.GetProperty("items").EnumerateArray());
        Assert.Equal((2, 10), (item.GetProperty("start").GetInt32(), item.GetProperty("end").GetInt32()));
    }

    [Theory]
    [InlineData("0123456789abcdef")]
    [InlineData("0123456789abcdef01234567")]
    [InlineData("0123456789abcdef0123456789abcdef")]
    public async Task Encrypt_and_decrypt_with_every_key_size(string key)
    {
        var (_, encrypted) = await Post("/anonymize", $$$"""
            {"text": "Call Jane", "anonymizers": {"DEFAULT": {"type": "encrypt", "key": "{{{key}}}"}},
             "analyzer_results": [{"start": 5, "end": 9, "score": 0.9, "entity_type": "PERSON"}]}
            """);
        var item = Assert.Single(encrypted.GetProperty("items").EnumerateArray());
        Assert.Equal("encrypt", item.GetProperty("operator").GetString());
        Assert.DoesNotContain('+', item.GetProperty("text").GetString()!);
        var (status, restored) = await Post("/deanonymize", $$$"""
            {"text": {{{JsonSerializer.Serialize(encrypted.GetProperty("text").GetString())}}},
             "deanonymizers": {"DEFAULT": {"type": "decrypt", "key": "{{{key}}}"}},
             "anonymizer_results": [{"start": {{{item.GetProperty("start").GetInt32()}}}, "end": {{{item.GetProperty("end").GetInt32()}}}, "entity_type": "PERSON"}]}
            """);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Call Jane", restored.GetProperty("text").GetString());
        Assert.Equal("decrypt", Assert.Single(restored.GetProperty("items").EnumerateArray()).GetProperty("operator").GetString());
    }

    [Fact]
    public async Task Deanonymize_keep_leaves_an_item()
    {
        var (_, body) = await Post("/deanonymize", """
            {"text": "keep me", "deanonymizers": {"DEFAULT": {"type": "deanonymize_keep"}},
             "anonymizer_results": [{"start": 5, "end": 7, "entity_type": "X"}]}
            """);
        Assert.Equal("keep me", body.GetProperty("text").GetString());
        Assert.Equal("deanonymize_keep", Assert.Single(body.GetProperty("items").EnumerateArray()).GetProperty("operator").GetString());
    }

    [Fact]
    public async Task Listings_name_what_the_silo_serves()
    {
        Assert.Contains("CREDIT_CARD", (await Client.GetFromJsonAsync<string[]>("/supportedentities?language=en"))!);
        // Recognizer names are Presidio's where the recognizer has a Presidio counterpart.
        Assert.Superset(new HashSet<string>(["CreditCardRecognizer", "IpRecognizer", "DateRecognizer", "UsLicenseRecognizer", "UsBankRecognizer",
            "UsSsnRecognizer", "UsItinRecognizer", "UsPassportRecognizer", "EmailRecognizer", "UrlRecognizer", "PhoneRecognizer", "IbanRecognizer",
            "CryptoRecognizer"]), (await Client.GetFromJsonAsync<string[]>("/recognizers?language=en"))!.ToHashSet());
        var anonymizers = (await Client.GetFromJsonAsync<string[]>("/anonymizers"))!;
        Assert.Superset(new HashSet<string>(["custom", "encrypt", "hash", "keep", "mask", "redact", "replace"]), anonymizers.ToHashSet());
        Assert.Superset(new HashSet<string>(["decrypt", "deanonymize_keep"]), (await Client.GetFromJsonAsync<string[]>("/deanonymizers"))!.ToHashSet());
    }
}
