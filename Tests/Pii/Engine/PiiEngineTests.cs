using PiiOrleans.Pii.Anonymization;
using PiiOrleans.Pii.Configuration;
using PiiOrleans.Pii.Engine;

namespace PiiOrleans.Tests.Pii.Engine;

public sealed class PiiEngineTests
{
    private static readonly string ReferencePath =
        Path.Combine(AppContext.BaseDirectory, "Fixtures", "Pii", "Configuration", "vana-presidio-config.json");

    [Fact]
    public void Anonymizes_with_the_configured_operators()
    {
        var engine = new PiiEngine(PiiSettingsLoader.Load(ReferencePath), new RegexTestAnalyzer());
        var result = engine.Anonymize("Alice Smith: alice.smith@example.com, 555-123-4567");
        Assert.Equal("Al*** Sm***: al*********@e******.com, 555-1*******", result.Text);
        Assert.Equal(3, result.Items.Length);
    }

    [Fact]
    public void Analyze_applies_entity_filter_threshold_and_column()
    {
        var engine = new PiiEngine(PiiSettings.Default, new RegexTestAnalyzer());
        const string text = "John at john@example.com or 555-123-4567";

        Assert.Equal(["PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER"], engine.Analyze(text).Select(r => r.EntityType));
        Assert.Equal(["EMAIL_ADDRESS"], engine.Analyze(text, entities: ["EMAIL_ADDRESS"]).Select(r => r.EntityType));
        Assert.Equal(["PERSON", "EMAIL_ADDRESS"], engine.Analyze(text, threshold: 0.8).Select(r => r.EntityType));
        Assert.Equal(3, engine.Analyze(text, columnName: "phone", threshold: 0.8).Count);
    }

    [Fact]
    public void Disabled_entities_are_not_requested()
    {
        var settings = PiiSettingsLoader.Parse("""{"entities": {"e": {"entity_type": "EMAIL_ADDRESS"}, "p": {"entity_type": "PERSON", "enabled": false}}}""");
        var engine = new PiiEngine(settings, new RegexTestAnalyzer());
        Assert.Equal(["EMAIL_ADDRESS"], engine.Analyze("John john@example.com").Select(r => r.EntityType));
        Assert.Equal(["EMAIL_ADDRESS"], engine.SupportedEntities);
        Assert.Equal("John <EMAIL_ADDRESS>", engine.Anonymize("John john@example.com").Text);
    }

    [Fact]
    public void Disabled_configuration_copies_values_unchanged()
    {
        var engine = new PiiEngine(PiiSettingsLoader.Parse("""{"enabled": false}"""), new RegexTestAnalyzer());
        Assert.Equal("john@example.com", engine.Anonymize("john@example.com").Text);
        Assert.Empty(engine.Analyze("john@example.com"));
    }

    [Fact]
    public void Identical_values_are_analysed_once()
    {
        var analyzer = new RegexTestAnalyzer();
        var engine = new PiiEngine(PiiSettings.Default, analyzer);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal("jo**@e******.com", engine.Anonymize("john@example.com", "email").Text);
        }

        Assert.Equal(1, analyzer.Calls);
        engine.Anonymize("john@example.com", "other_column");
        Assert.Equal(2, analyzer.Calls);

        var batch = engine.AnonymizeBatch(["john@example.com", "x 555-123-4567", "john@example.com", ""], "email");
        Assert.Equal(["jo**@e******.com", "x <PHONE_NUMBER>", "jo**@e******.com", ""], batch.Select(r => r.Text));
        Assert.Equal(3, analyzer.Calls);
    }

    [Fact]
    public void Cache_is_bounded()
    {
        var analyzer = new RegexTestAnalyzer();
        var engine = new PiiEngine(PiiSettings.Default, analyzer, options: new PiiEngineOptions(CacheCapacity: 4));
        for (var i = 0; i < 100; i++)
        {
            engine.Anonymize($"user{i}@example.com");
        }

        engine.Anonymize("user99@example.com");
        Assert.Equal(100, analyzer.Calls);
        engine.Anonymize("user0@example.com");
        Assert.Equal(101, analyzer.Calls);
    }

    [Fact]
    public void Analysis_failure_fails_closed()
    {
        var engine = new PiiEngine(PiiSettings.Default, new RegexTestAnalyzer { FailOnText = true });
        var result = engine.Anonymize("boom: john@example.com");
        Assert.Equal("<REDACTED>", result.Text);
        Assert.Equal(PiiEngine.AnalysisFailedEntity, Assert.Single(result.Items).EntityType);

        var batch = engine.AnonymizeBatch(["boom john@example.com", "ok john@example.com"]);
        Assert.Equal(["<REDACTED>", "ok jo**@e******.com"], batch.Select(r => r.Text));
    }

    [Fact]
    public void Whole_value_anonymization_uses_the_entity_operator()
    {
        var engine = new PiiEngine(PiiSettingsLoader.Load(ReferencePath), new RegexTestAnalyzer());
        Assert.Equal("Jo** Sm***", engine.AnonymizeWhole("John Smith", "PERSON").Text);
        Assert.Equal(string.Empty, engine.AnonymizeWhole("719-42-8063", "US_SSN").Text);
        Assert.Equal(string.Empty, engine.AnonymizeWhole(string.Empty, "PERSON").Text);
    }

    [Fact]
    public void Pseudonyms_are_consistent_across_calls_of_one_engine()
    {
        var settings = PiiSettingsLoader.Parse("""
            {"anonymization": {"pseudonym_seed": "job-1"},
             "entities": {"e": {"entity_type": "EMAIL_ADDRESS", "anonymization_strategy": "pseudonymize"},
                          "p": {"entity_type": "PERSON", "anonymization_strategy": "pseudonymize", "anonymization_params": {"mode": "fake"}}}}
            """);
        var engine = new PiiEngine(settings, new RegexTestAnalyzer());
        Assert.Equal("<EMAIL_ADDRESS_1> and <EMAIL_ADDRESS_2>", engine.Anonymize("a@x.org and b@x.org").Text);
        Assert.Equal("<EMAIL_ADDRESS_2>", engine.Anonymize("b@x.org", "other").Text);
        var fake = engine.Anonymize("Bob Jones").Text;
        Assert.NotEqual("Bob Jones", fake);
        Assert.Equal(fake, new PiiEngine(settings, new RegexTestAnalyzer()).Anonymize("Bob Jones").Text);
        Assert.True(engine.PseudonymStore.TryGetOriginal("PERSON", fake, out var original));
        Assert.Equal("Bob Jones", original);
    }

    [Fact]
    public void Invalid_operator_in_handmade_settings_is_a_configuration_error()
    {
        var settings = PiiSettings.Default with
        {
            Entities = [EntitySettings.Create("x", "PERSON", new OperatorSettings("encrypt"))],
        };
        Assert.Throws<PiiConfigurationException>(() => new PiiEngine(settings, new RegexTestAnalyzer()));
    }
}
