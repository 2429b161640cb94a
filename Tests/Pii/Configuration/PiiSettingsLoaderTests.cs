using PiiOrleans.Pii.Configuration;

namespace PiiOrleans.Tests.Pii.Configuration;

public sealed class PiiSettingsLoaderTests
{
    private static readonly string ReferencePath =
        Path.Combine(AppContext.BaseDirectory, "Fixtures", "Pii", "Configuration", "vana-presidio-config.json");

    [Fact]
    public void Reference_config_loads_with_every_field()
    {
        var settings = PiiSettingsLoader.Load(ReferencePath);

        Assert.True(settings.Enabled);
        Assert.True(settings.DebugMode);
        Assert.Equal("INFO", settings.LogLevel);
        Assert.Equal(12, settings.Entities.Length);
        Assert.Equal<string>(
            ["PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "US_SSN", "CREDIT_CARD", "LOCATION", "IP_ADDRESS", "URL"],
            settings.EnabledEntityTypes);

        var person = settings.FindEntity("PERSON")!;
        Assert.Equal("person", person.Key);
        Assert.Equal(0.7, person.ConfidenceThreshold);
        Assert.Equal<string>(["name", "person", "individual", "customer"], person.ContextWords);
        Assert.Equal("custom", person.Operator.Strategy);
        Assert.Equal("mask_person", person.Operator.OperatorName);

        var card = settings.FindEntity("CREDIT_CARD")!;
        Assert.Equal(4, card.RegexPatterns.Length);
        Assert.Equal(new PatternSettings("visa_dash_format", @"\b4\d{3}-\d{4}-\d{4}-\d{4}\b", 0.9), card.RegexPatterns[0]);
        Assert.Equal(12L, card.Operator.Params["chars_to_mask"]);
        Assert.Equal("*", card.Operator.Params["masking_char"]);
        Assert.Equal(true, card.Operator.Params["from_end"]);

        Assert.False(settings.FindEntity("IBAN_CODE")!.Enabled);
        Assert.Equal("mask", settings.Anonymization.DefaultStrategy);
        Assert.Null(settings.Anonymization.EncryptionKey);
        Assert.Equal(new BatchProcessingSettings(1000, 512, true, 4), settings.BatchProcessing);
        Assert.Equal("en_core_web_sm", settings.Nlp.ModelName);
        Assert.Equal<string>(["en"], settings.Nlp.SupportedLanguages);
    }

    [Fact]
    public void Empty_object_gives_documented_section_defaults()
    {
        var settings = PiiSettingsLoader.Parse("{}");

        Assert.True(settings.Enabled);
        Assert.Empty(settings.Entities);
        Assert.Equal(AnonymizationSettings.Default, settings.Anonymization);
        Assert.Equal(1000, settings.BatchProcessing.BatchSize);
        Assert.Equal(NerSettings.Default, settings.Ner);
    }

    [Fact]
    public void Unknown_fields_are_tolerated_and_our_additions_are_read()
    {
        var settings = PiiSettingsLoader.Parse("""
            {
              "something_new": {"x": 1},
              "allow_list": ["support@example.com"],
              "allow_list_regex": ["^test-\\d+$"],
              "ner": {"enabled": false, "min_score": 0.7},
              "anonymization": {"pseudonym_seed": "s1"},
              "entities": {
                "email": {"entity_type": "EMAIL_ADDRESS", "allow_list": ["a@b.c"], "allow_list_regex": ["@corp\\.example$"],
                          "anonymization_strategy": "pseudonymize", "anonymization_params": {"mode": "fake"}, "comment": "ok"}
              }
            }
            """);

        Assert.Equal<string>(["support@example.com"], settings.AllowList);
        Assert.Equal<string>([@"^test-\d+$"], settings.AllowListRegex);
        Assert.False(settings.Ner.Enabled);
        Assert.Equal(0.7, settings.Ner.MinScore);
        Assert.Equal("s1", settings.Anonymization.PseudonymSeed);
        var email = settings.FindEntity("EMAIL_ADDRESS")!;
        Assert.Equal<string>(["a@b.c"], email.AllowList);
        Assert.Equal<string>(["@corp\\.example$"], email.AllowListRegex);
        Assert.Equal(0.5, email.ConfidenceThreshold);
        Assert.Equal("fake", email.Operator.Params["mode"]);
    }

    [Theory]
    [InlineData("""{"entities": {"x": {"entity_type": "PERSON", "anonymization_strategy": "scramble"}}}""", "$.entities.x.anonymization_strategy")]
    [InlineData("""{"entities": {"x": {"entity_type": "PERSON", "anonymization_strategy": "custom", "anonymization_params": {"lambda": "mask_nothing"}}}}""", "$.entities.x.anonymization_params.lambda")]
    [InlineData("""{"entities": {"x": {"entity_type": "PERSON", "anonymization_strategy": "custom"}}}""", "$.entities.x.anonymization_params.lambda")]
    [InlineData("""{"entities": {"x": {"entity_type": "PERSON", "anonymization_strategy": "encrypt"}}}""", "$.entities.x.anonymization_params.key")]
    [InlineData("""{"entities": {"x": {"entity_type": "PERSON", "anonymization_strategy": "encrypt", "anonymization_params": {"key": "short"}}}}""", "$.entities.x.anonymization_params.key")]
    [InlineData("""{"entities": {"x": {"entity_type": "PERSON", "anonymization_strategy": "mask", "anonymization_params": {"masking_char": "*"}}}}""", "$.entities.x.anonymization_params.chars_to_mask")]
    [InlineData("""{"entities": {"x": {"entity_type": "PERSON", "anonymization_strategy": "mask", "anonymization_params": {"masking_char": "**", "chars_to_mask": 2}}}}""", "$.entities.x.anonymization_params.masking_char")]
    [InlineData("""{"entities": {"x": {"entity_type": "PERSON", "anonymization_strategy": "hash", "anonymization_params": {"hash_type": "md5"}}}}""", "$.entities.x.anonymization_params.hash_type")]
    [InlineData("""{"entities": {"x": {"entity_type": "PERSON", "anonymization_strategy": "pseudonymize", "anonymization_params": {"mode": "random"}}}}""", "$.entities.x.anonymization_params.mode")]
    [InlineData("""{"entities": {"x": {"entity_type": "PERSON", "confidence_threshold": 1.5}}}""", "$.entities.x.confidence_threshold")]
    [InlineData("""{"entities": {"x": {"entity_type": "PERSON", "confidence_threshold": -0.1}}}""", "$.entities.x.confidence_threshold")]
    [InlineData("""{"entities": {"x": {"enabled": true}}}""", "$.entities.x.entity_type")]
    [InlineData("""{"entities": {"x": {"entity_type": "CREDIT_CARD", "regex_patterns": [{"name": "p", "regex": "(\\d{4"}]}}}""", "$.entities.x.regex_patterns[0].regex")]
    [InlineData("""{"entities": {"x": {"entity_type": "CREDIT_CARD", "regex_patterns": ["\\d{16}"]}}}""", "$.entities.x.regex_patterns[0]")]
    [InlineData("""{"entities": {"x": {"entity_type": "CREDIT_CARD", "regex_patterns": [{"regex": "\\d"}]}}}""", "$.entities.x.regex_patterns[0].name")]
    [InlineData("""{"entities": {"x": {"entity_type": "CREDIT_CARD", "regex_patterns": [{"name": "p", "regex": "\\d", "score": 2}]}}}""", "$.entities.x.regex_patterns[0].score")]
    [InlineData("""{"entities": {"x": {"entity_type": "EMAIL_ADDRESS", "allow_list_regex": ["[a-"]}}}""", "$.entities.x.allow_list_regex[0]")]
    [InlineData("""{"entities": {"a": {"entity_type": "PERSON"}, "b": {"entity_type": "PERSON"}}}""", "$.entities.b.entity_type")]
    [InlineData("""{"entities": {"x": {"entity_type": "PERSON", "enabled": "yes"}}}""", "$.entities.x.enabled")]
    [InlineData("""{"entities": {"x": {"entity_type": "PERSON", "context_words": "name"}}}""", "$.entities.x.context_words")]
    [InlineData("""{"batch_processing": {"batch_size": 0}}""", "$.batch_processing.batch_size")]
    [InlineData("""{"batch_processing": {"num_workers": -2}}""", "$.batch_processing.num_workers")]
    [InlineData("""{"batch_processing": {"batch_size": 10.5}}""", "$.batch_processing.batch_size")]
    [InlineData("""{"log_level": "LOUD"}""", "$.log_level")]
    [InlineData("""{"nlp": {"supported_languages": ["de"]}}""", "$.nlp.supported_languages")]
    [InlineData("""{"anonymization": {"default_strategy": "bogus"}}""", "$.anonymization.default_strategy")]
    [InlineData("""{"anonymization": {"default_strategy": "encrypt"}}""", "$.anonymization.encryption_key")]
    [InlineData("""{"anonymization": {"encryption_key": "not-sixteen"}}""", "$.anonymization.encryption_key")]
    [InlineData("""{"anonymization": {"hash_type": "md5"}}""", "$.anonymization.hash_type")]
    [InlineData("""{"anonymization": {"mask_char": ""}}""", "$.anonymization.mask_char")]
    [InlineData("""{"allow_list_regex": ["(unclosed"]}""", "$.allow_list_regex[0]")]
    [InlineData("""{"ner": {"min_score": 3}}""", "$.ner.min_score")]
    [InlineData("""[1, 2]""", "$")]
    [InlineData("""{"enabled": true,,}""", "$")]
    public void Invalid_values_fail_at_load_time_naming_the_field(string json, string expectedPath)
    {
        var error = Assert.Throws<PiiConfigurationException>(() => PiiSettingsLoader.Parse(json));
        Assert.Equal(expectedPath, error.JsonPath);
        Assert.Contains(expectedPath, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Entity_inherits_section_defaults_for_mask_hash_and_encrypt()
    {
        var settings = PiiSettingsLoader.Parse("""
            {
              "anonymization": {"mask_char": "#", "mask_from_end": false, "hash_type": "sha512", "encryption_key": "0123456789abcdef"},
              "entities": {
                "a": {"entity_type": "PHONE_NUMBER", "anonymization_strategy": "mask", "anonymization_params": {"chars_to_mask": 3}},
                "b": {"entity_type": "US_SSN", "anonymization_strategy": "hash"},
                "c": {"entity_type": "PERSON", "anonymization_strategy": "encrypt"}
              }
            }
            """);

        Assert.Equal("#", settings.FindEntity("PHONE_NUMBER")!.Operator.Params["masking_char"]);
        Assert.Equal(false, settings.FindEntity("PHONE_NUMBER")!.Operator.Params["from_end"]);
        Assert.Equal("sha512", settings.FindEntity("US_SSN")!.Operator.Params["hash_type"]);
        Assert.Equal("0123456789abcdef", settings.FindEntity("PERSON")!.Operator.Params["key"]);
    }

    [Fact]
    public void Missing_file_names_the_file_and_what_to_do()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.json");
        var error = Assert.Throws<PiiConfigurationException>(() => PiiSettingsLoader.Load(path));
        Assert.Equal(path, error.SourcePath);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("built-in defaults", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_in_file_carries_the_file_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{"batch_processing": {"batch_size": -1}}""");
        try
        {
            var error = Assert.Throws<PiiConfigurationException>(() => PiiSettingsLoader.Load(path));
            Assert.Equal("$.batch_processing.batch_size", error.JsonPath);
            Assert.Equal(path, error.SourcePath);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Built_in_defaults_are_valid_and_cover_the_reference_entities()
    {
        var defaults = PiiSettings.Default;
        var reference = PiiSettingsLoader.Load(ReferencePath);

        foreach (var type in reference.EnabledEntityTypes)
        {
            Assert.Contains(type, defaults.EnabledEntityTypes);
        }

        Assert.Contains("DATE_TIME", defaults.EnabledEntityTypes);
        Assert.Contains("IBAN_CODE", defaults.EnabledEntityTypes);
        Assert.Equal(defaults.EnabledEntityTypes.Length, defaults.EnabledEntityTypes.Distinct().Count());
        foreach (var entity in defaults.Entities)
        {
            PiiOrleans.Pii.Anonymization.OperatorRegistry.Validation.Bind(entity.Operator, entity.EntityType);
            Assert.InRange(entity.ConfidenceThreshold, 0, 1);
        }

        Assert.Equal("replace", defaults.Anonymization.DefaultStrategy);
        Assert.Null(PiiSettingsLoader.LoadOrDefault(null).FindEntity("ORG"));
    }
}
