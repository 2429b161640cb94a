using PiiOrleans.Pii.Configuration;
using PiiOrleans.Pii.Detection.Profiling;
using PiiOrleans.Pii.Engine;

namespace PiiOrleans.Tests.Pii.Engine;

/// <summary>The facade over the real pattern analyzer: free text, whole-column decisions, configuration switches.</summary>
public sealed class PiiEngineCellTests
{
    private static readonly string ReferencePath =
        Path.Combine(AppContext.BaseDirectory, "Fixtures", "Pii", "Configuration", "vana-presidio-config.json");

    private static readonly Lazy<PiiEngine> Reference = new(() => PiiEngine.Create(PiiSettingsLoader.Load(ReferencePath)));

    [Fact]
    public void Free_text_uses_the_reference_operators()
    {
        var result = Reference.Value.Anonymize("Write to alice.smith@example.com, SSN 719-42-8063 please.");
        Assert.Equal("Write to al*********@e******.com, SSN  please.", result.Text);
    }

    [Fact]
    public void Entity_column_masks_the_whole_cell()
    {
        var engine = Reference.Value;
        var profile = new ColumnProfile("email", ColumnKind.Entity, "EMAIL_ADDRESS", 0.95, "test");
        Assert.Equal("us**@e******.com", engine.AnonymizeCell("user@example.com", profile).Text);

        var person = new ColumnProfile("full_name", ColumnKind.Entity, "PERSON", 0.9, "test");
        Assert.Equal("Fr*** W*", engine.AnonymizeCell("Frank Wu", person).Text);

        var notPii = new ColumnProfile("gender", ColumnKind.NotPii, null, 0.9, "test");
        Assert.Equal("female", engine.AnonymizeCell("female", notPii).Text);
    }

    [Fact]
    public void Disabled_entity_column_falls_back_to_span_detection()
    {
        // DATE_TIME is disabled in the reference file: a date column is not masked as a whole, but e-mails in it would be.
        var profile = new ColumnProfile("date_of_birth", ColumnKind.Entity, "DATE_TIME", 0.9, "test");
        Assert.Equal("1985-03-15", Reference.Value.AnonymizeCell("1985-03-15", profile).Text);
    }

    [Fact]
    public void Profiles_columns_with_the_analyzer()
    {
        var engine = PiiEngine.Create();
        var profile = engine.ProfileColumn("contact", ["a@example.com", "b@example.org", "c.d@example.net"]);
        Assert.Equal(ColumnKind.Entity, profile.Kind);
        Assert.Equal("EMAIL_ADDRESS", profile.Entity);
        Assert.Equal(ColumnKind.NotPii, PiiEngine.Create(PiiSettingsLoader.Parse("""{"enabled": false}""")).ProfileColumn("email", ["a@example.com"]).Kind);
    }

    [Fact]
    public void Default_engine_replaces_pattern_entities()
    {
        var result = PiiEngine.Create().Anonymize("Card 4111 1111 1111 1111, IP 192.168.1.100.");
        Assert.Equal("Card <CREDIT_CARD>, IP <IP_ADDRESS>.", result.Text);
    }
}
