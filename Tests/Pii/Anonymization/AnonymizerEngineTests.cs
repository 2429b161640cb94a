using PiiOrleans.Pii.Anonymization;
using PiiOrleans.Pii.Configuration;
using PiiOrleans.Pii.Detection;

namespace PiiOrleans.Tests.Pii.Anonymization;

public sealed class AnonymizerEngineTests
{
    private static readonly string ReferencePath =
        Path.Combine(AppContext.BaseDirectory, "Fixtures", "Pii", "Configuration", "vana-presidio-config.json");

    private static OperatorMap ReferenceOperators() =>
        OperatorMap.FromSettings(PiiSettingsLoader.Load(ReferencePath), new OperatorRegistry());

    private static RecognizerResult Span(string text, string piece, string entity, double score = 0.9, int from = 0)
    {
        var start = text.IndexOf(piece, from, StringComparison.Ordinal);
        Assert.True(start >= 0, piece);
        return new RecognizerResult(entity, start, start + piece.Length, score, "test");
    }

    [Fact]
    public void Rewrites_each_span_with_its_own_operator_and_keeps_the_rest()
    {
        // The spec's §5.5 bio trace with the reference configuration.
        const string text = "Alice Smith is a teacher living in New York. Contact alice.smith@example.com or 555-123-4567.";
        var results = new[]
        {
            Span(text, "555-123-4567", "PHONE_NUMBER", 0.75),
            Span(text, "Alice Smith", "PERSON", 0.85),
            Span(text, "alice.smith@example.com", "EMAIL_ADDRESS", 1.0),
            Span(text, "New York", "LOCATION", 0.85),
        };

        var result = new AnonymizerEngine().Anonymize(text, results, ReferenceOperators());

        Assert.Equal("Al*** Sm*** is a teacher living in N** Y***. Contact al*********@e******.com or 555-1*******.", result.Text);
        Assert.Equal(4, result.Items.Length);
        Assert.All(result.Items, item => Assert.Equal(item.Text, result.Text[item.Start..item.End]));
        Assert.Equal(["PERSON", "LOCATION", "EMAIL_ADDRESS", "PHONE_NUMBER"], result.Items.Select(i => i.EntityType));
        Assert.Equal(["mask_person", "mask_location", "mask_email", "mask"], result.Items.Select(i => i.Operator));
    }

    [Fact]
    public void Partial_overlap_of_different_types_is_never_rendered_twice()
    {
        // The old job produced "1** B**** St, SSã* Pa***, B*****" here.
        const string text = "147 Birch St, São Paulo, Brazil";
        var results = new[]
        {
            new RecognizerResult("LOCATION", 0, 15, 0.6, "address"),
            new RecognizerResult("PERSON", 14, 23, 0.85, "ner"),
            new RecognizerResult("LOCATION", 25, 31, 0.85, "ner"),
        };

        var result = new AnonymizerEngine().Anonymize(text, results, ReferenceOperators());

        Assert.DoesNotContain("SS", result.Text, StringComparison.Ordinal);
        Assert.Equal(2, result.Items.Length);
        Assert.Equal("PERSON", result.Items[0].EntityType);
        Assert.Equal("14* Bi*** St* Sã* Pa***", result.Items[0].Text);
        Assert.Equal("14* Bi*** St* Sã* Pa***, B*****", result.Text);
    }

    [Fact]
    public void Contained_and_same_type_overlaps_collapse_to_one_span()
    {
        const string text = "mail alice.smith@example.com now";
        var results = new[]
        {
            Span(text, "alice.smith@example.com", "EMAIL_ADDRESS", 1.0),
            Span(text, "alice.sm", "URL", 0.5),
            Span(text, "example.com", "URL", 0.5),
        };

        var result = new AnonymizerEngine().Anonymize(text, results, ReferenceOperators());

        Assert.Equal("mail al*********@e******.com now", result.Text);
        Assert.Single(result.Items);
    }

    [Fact]
    public void Entity_without_an_entry_gets_the_default_operator()
    {
        var map = new OperatorMap(new OperatorRegistry(), new Dictionary<string, OperatorSettings>(),
            AnonymizationSettings.Default.DefaultOperator());
        const string text = "IBAN DE89 3704 0044 0532 0130 00.";
        var result = new AnonymizerEngine().Anonymize(text, [Span(text, "DE89 3704 0044 0532 0130 00", "IBAN_CODE")], map);
        Assert.Equal("IBAN <REDACTED>.", result.Text);

        var maskAll = new OperatorMap(new OperatorRegistry(), new Dictionary<string, OperatorSettings>(),
            new AnonymizationSettings(DefaultStrategy: "mask").DefaultOperator());
        Assert.Equal("IBAN ***************************.", new AnonymizerEngine().Anonymize(text, [Span(text, "DE89 3704 0044 0532 0130 00", "IBAN_CODE")], maskAll).Text);
    }

    [Fact]
    public void Encrypt_then_deanonymize_restores_the_text()
    {
        const string key = "0123456789abcdef";
        var registry = new OperatorRegistry();
        var encrypt = new OperatorMap(registry, new Dictionary<string, OperatorSettings>
        {
            ["PERSON"] = new OperatorSettings("encrypt").With("key", key),
        });
        const string text = "Hi Alice, meet Bob.";
        var engine = new AnonymizerEngine();
        var anonymized = engine.Anonymize(text, [Span(text, "Alice", "PERSON"), Span(text, "Bob", "PERSON")], encrypt);
        Assert.DoesNotContain("Alice", anonymized.Text, StringComparison.Ordinal);

        var decrypt = new OperatorMap(registry, new Dictionary<string, OperatorSettings>
        {
            ["DEFAULT"] = new OperatorSettings("decrypt").With("key", key),
        }, type: OperatorType.Deanonymize);
        var entities = anonymized.Items.Select(i => new RecognizerResult(i.EntityType, i.Start, i.End, 1, "anonymizer")).ToList();
        var restored = engine.Deanonymize(anonymized.Text, entities, decrypt);
        Assert.Equal(text, restored.Text);
        Assert.Equal(["Alice", "Bob"], restored.Items.Select(i => i.Text));
    }

    [Fact]
    public void Spans_outside_the_text_are_rejected_without_the_text()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new AnonymizerEngine().Anonymize("secret", [new RecognizerResult("PERSON", 2, 40, 1, "x")], ReferenceOperators()));
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_results_returns_the_text_unchanged()
    {
        var result = new AnonymizerEngine().Anonymize("nothing here", [], ReferenceOperators());
        Assert.Equal("nothing here", result.Text);
        Assert.False(result.Changed);
    }
}
