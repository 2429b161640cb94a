using PiiOrleans.Pii.Anonymization;
using PiiOrleans.Pii.Configuration;
using PiiOrleans.Pii.Detection;

namespace PiiOrleans.Tests.Pii.Anonymization;

/// <summary>Presidio's anonymizer conflict rules, from its documented behaviour (merge similar or contained).</summary>
public sealed class PresidioConflictResolverTests
{
    private static RecognizerResult R(string entity, int start, int end, double score = 0.8) => new(entity, start, end, score, "request");

    private static string Anonymize(string text, params RecognizerResult[] results) =>
        new AnonymizerEngine().Anonymize(text, results, new OperatorMap(new OperatorRegistry(), new Dictionary<string, OperatorSettings>()),
            ConflictResolution.Presidio).Text;

    [Fact]
    public void Identical_spans_keep_the_higher_score()
    {
        var kept = Assert.Single(PresidioConflictResolver.Resolve([R("PERSON", 0, 4, 0.6), R("LOCATION", 0, 4, 0.9)], "Paris"));
        Assert.Equal("LOCATION", kept.EntityType);
        Assert.Equal("<LOCATION>", Anonymize("Anna", R("PERSON", 0, 4, 0.6), R("LOCATION", 0, 4, 0.9)));
    }

    [Fact]
    public void Identical_spans_with_equal_scores_keep_one()
    {
        Assert.Single(PresidioConflictResolver.Resolve([R("PERSON", 0, 4), R("LOCATION", 0, 4)], "Anna"));
    }

    [Fact]
    public void A_span_inside_another_is_dropped_whatever_its_score()
    {
        var kept = Assert.Single(PresidioConflictResolver.Resolve([R("URL", 5, 16, 0.99), R("EMAIL_ADDRESS", 0, 16, 0.5)], "john@example.com"));
        Assert.Equal("EMAIL_ADDRESS", kept.EntityType);
        Assert.Equal("<EMAIL_ADDRESS> x", Anonymize("john@example.com x", R("URL", 5, 16, 0.99), R("EMAIL_ADDRESS", 0, 16, 0.5)));
    }

    [Fact]
    public void Overlapping_spans_of_one_type_merge_into_their_union()
    {
        var merged = Assert.Single(PresidioConflictResolver.Resolve([R("PERSON", 0, 8, 0.6), R("PERSON", 5, 14, 0.9)], "John Paul Smith"));
        Assert.Equal((0, 14, 0.9), (merged.Start, merged.End, merged.Score));
    }

    [Fact]
    public void Partially_overlapping_spans_of_different_types_are_both_rewritten_and_nothing_stays_in_clear()
    {
        // "555-1234" (PHONE 4..12) and "1234 Main" (LOCATION 8..17) share "1234": the later span owns it, as in Presidio.
        const string text = "Tel 555-1234 Main St";
        var resolved = PresidioConflictResolver.Resolve([R("PHONE_NUMBER", 4, 12), R("LOCATION", 8, 17)], text);
        Assert.Equal(2, resolved.Count);
        Assert.Equal("Tel <PHONE_NUMBER><LOCATION> St", Anonymize(text, R("PHONE_NUMBER", 4, 12), R("LOCATION", 8, 17)));
    }

    [Fact]
    public void Spans_of_one_type_separated_only_by_spaces_merge()
    {
        Assert.Equal("Hi <PERSON>, bye", Anonymize("Hi John  Smith, bye", R("PERSON", 3, 7), R("PERSON", 9, 14)));
        Assert.Equal("Hi <PERSON>-<PERSON>", Anonymize("Hi John-Smith", R("PERSON", 3, 7), R("PERSON", 8, 13)));
        Assert.Equal("<PERSON> <LOCATION>", Anonymize("John Paris", R("PERSON", 0, 4), R("LOCATION", 5, 10)));
    }

    [Fact]
    public void Touching_spans_of_one_type_stay_apart()
    {
        Assert.Equal(2, PresidioConflictResolver.Resolve([R("ID", 0, 3), R("ID", 3, 6)], "abcdef").Count);
    }

    [Fact]
    public void Items_report_output_offsets_in_text_order()
    {
        var result = new AnonymizerEngine().Anonymize("Call Bob at 555", [R("PHONE_NUMBER", 12, 15), R("PERSON", 5, 8)],
            new OperatorMap(new OperatorRegistry(), new Dictionary<string, OperatorSettings>()), ConflictResolution.Presidio);
        Assert.Equal("Call <PERSON> at <PHONE_NUMBER>", result.Text);
        Assert.Equal([(5, 13), (17, 31)], result.Items.Select(i => (i.Start, i.End)));
    }
}
