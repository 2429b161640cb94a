using PiiOrleans.Pii.Configuration;

namespace PiiOrleans.Tests.Pii.Configuration;

/// <summary>Issue 16, case 5: a typo in an entity type is an error, never a silently disabled entity.</summary>
public sealed class UnknownEntityTypeTests
{
    [Fact]
    public void Issue16_case5_an_unknown_entity_type_names_the_file_the_json_path_and_the_closest_known_type()
    {
        var path = Path.Combine(Path.GetTempPath(), $"typo-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{"entities": {"email": {"entity_type": "EMAIL", "anonymization_strategy": "replace"}}}""");
        try
        {
            var error = Assert.Throws<PiiConfigurationException>(() => PiiSettingsLoader.Load(path));
            Assert.Equal("$.entities.email.entity_type", error.JsonPath);
            Assert.Equal(path, error.SourcePath);
            Assert.Contains("did you mean 'EMAIL_ADDRESS'?", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Issue16_case5_the_spacy_name_org_is_read_as_organization()
    {
        var settings = PiiSettingsLoader.Parse("""{"entities": {"org": {"entity_type": "ORG"}}}""");
        Assert.Equal(["ORGANIZATION"], settings.EnabledEntityTypes.ToArray());
    }

    [Theory]
    [InlineData("PHONE_NUMBR", "PHONE_NUMBER")]
    [InlineData("SSN", "US_SSN")]
    [InlineData("credit_card", "CREDIT_CARD")]
    public void Issue16_case5_close_misspellings_get_a_suggestion(string given, string expected) =>
        Assert.Equal(expected, KnownEntityTypes.Closest(given));

    [Fact]
    public void Issue16_case5_a_custom_entity_with_its_own_patterns_or_deny_list_is_allowed()
    {
        var settings = PiiSettingsLoader.Parse("""
            {"entities": {
              "badge": {"entity_type": "EMPLOYEE_BADGE", "regex_patterns": [{"name": "badge", "regex": "\\bB-\\d{6}\\b", "score": 0.9}]},
              "codename": {"entity_type": "CODENAME", "deny_list": ["Bluebird"]}}}
            """);
        Assert.Equal(["EMPLOYEE_BADGE", "CODENAME"], settings.EnabledEntityTypes.ToArray());
    }
}
