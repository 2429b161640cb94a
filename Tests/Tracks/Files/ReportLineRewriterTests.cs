using PiiOrleans.Tracks.Records;

namespace PiiOrleans.Tests.Tracks.Files;

public class ReportLineRewriterTests
{
    [Fact]
    public void Rewrites_team_and_run_removes_creator_and_records_a_fingerprint()
    {
        var fake = new FakeTrackRewrite();
        var ctx = fake.Context();
        string? line = ReportLineRewriter.Rewrite(
            """{"metadata":{"team_id":"team1","run_id":"other","topic_id":"983","creator":"Bob <bob@x.org>"},"responses":[{"text":"some"},{"text":"text"}]}""",
            1, "team1-run1", ctx);
        Assert.Equal("""{"metadata":{"team_id":"T001","run_id":"koala","topic_id":"983"},"responses":[{"text":"some"},{"text":"text"}]}""", line);
        var fp = Assert.Single(ctx.Fingerprints);
        Assert.Equal(("983", "some text", "team1", "team1-run1", "T001", "koala"), (fp.TopicId, fp.Text, fp.OriginalTeam, fp.OriginalRun, fp.AnonTeam, fp.AnonRun));
        Assert.Contains(ctx.Issues, i => i.IssueType == "warning"); // metadata.run_id ≠ file name (LIMIT-10: logged as an issue)
    }

    [Fact]
    public void Adds_run_id_to_empty_metadata_and_keeps_lines_without_metadata()
    {
        var ctx = new FakeTrackRewrite().Context();
        Assert.Equal("""{"metadata":{"run_id":"koala"}}""", ReportLineRewriter.Rewrite("""{"metadata":{}}""", 1, "r", ctx));
        Assert.Equal("""{"x":1.0}""", ReportLineRewriter.Rewrite("""{"x": 1.00}""", 2, "r", ctx));
    }

    [Theory]
    [InlineData("42")]
    [InlineData("\"metadata\"")]
    [InlineData("[1,2]")]
    [InlineData("{\"metadata\": \"x\"}")]
    [InlineData("{\"metadata\": null}")]
    [InlineData("{not json")]
    public void Bug21_bad_lines_become_parse_errors_not_crashes(string input)
    {
        var ctx = new FakeTrackRewrite().Context();
        Assert.Null(ReportLineRewriter.Rewrite(input, 7, "r", ctx));
        var issue = Assert.Single(ctx.Issues);
        Assert.Equal(("parse_error", 7), (issue.IssueType, issue.LineNumber));
    }

    [Fact]
    public void Bug12_redact_decision_redacts_every_address_not_just_the_first()
    {
        var fake = new FakeTrackRewrite(EmailAction.Redact);
        var ctx = fake.Context();
        for (int i = 1; i <= 3; i++)
        {
            string? line = ReportLineRewriter.Rewrite($$$"""{"metadata":{"contact":"Mail a{{{i}}}@example.com or b{{{i}}}@example.org"}}""", i, "r", ctx);
            Assert.Contains("\"contact\":\"Mail [REDACTED] or [REDACTED]\"", line);
        }

        Assert.DoesNotContain(ctx.Issues, i => i.Message.Contains("@example.com", StringComparison.Ordinal) && i.Message.Contains("a1@", StringComparison.Ordinal));
    }

    [Fact]
    public void An_address_written_with_a_json_escape_is_still_found()
    {
        var ctx = new FakeTrackRewrite(EmailAction.Redact).Context();
        string? line = ReportLineRewriter.Rewrite("{\"metadata\":{\"contact\":\"bob\\u0040example.com\"}}", 1, "r", ctx);
        Assert.Contains("\"contact\":\"[REDACTED]\"", line);
        Assert.Contains(ctx.Issues, i => i.IssueType == "email_found");
    }

    [Theory]
    [InlineData("{\"a\":\"x@y.org\"}", true)]
    [InlineData("{\"a\":\"x\\u0040y.org\"}", true)]
    [InlineData("{\"a\":\"x at y.org\"}", false)]
    public void Lines_without_an_at_sign_skip_the_walk(string json, bool expected) => Assert.Equal(expected, EmailScanner.MayHoldAddress(json));

    [Fact]
    public void Email_drop_field_removes_keys_and_list_elements()
    {
        var ctx = new FakeTrackRewrite(EmailAction.DropField).Context();
        string? line = ReportLineRewriter.Rewrite("""{"metadata":{"contact":"x@y.org","authors":["A","b@c.de"],"team_id":"t"}}""", 1, "r", ctx);
        Assert.Equal("""{"metadata":{"authors":["A"],"team_id":"T001","run_id":"koala"}}""", line);
    }

    [Fact]
    public void Bug15_drop_field_repair_removes_the_key()
    {
        var ctx = new FakeTrackRewrite(repair: new RepairDecision("drop_field")).Context();
        Assert.Equal("""{"metadata":{"run_id":"koala"}}""", ReportLineRewriter.Rewrite("""{"metadata":{"narrative":null}}""", 1, "r", ctx));
    }

    [Theory]
    [InlineData("extract_key:text", "{\"metadata\":{\"narrative\":\"Body\",\"run_id\":\"koala\"}}")]
    [InlineData("to_string", "{\"metadata\":{\"narrative\":\"{\\\"title\\\": \\\"T\\\", \\\"text\\\": \\\"Body\\\"}\",\"run_id\":\"koala\"}}")]
    [InlineData("set_empty", "{\"metadata\":{\"narrative\":\"\",\"run_id\":\"koala\"}}")]
    [InlineData("skip_line", null)]
    public void Repairs_narrative(string answer, string? expected)
    {
        var ctx = new FakeTrackRewrite(repair: RepairDecision.Parse(answer)).Context();
        Assert.Equal(expected, ReportLineRewriter.Rewrite("""{"metadata":{"narrative":{"title":"T","text":"Body"}}}""", 1, "r", ctx));
    }

    [Fact]
    public void Limit6_request_id_is_a_topic_source_for_fingerprints()
    {
        var ctx = new FakeTrackRewrite().Context();
        ReportLineRewriter.Rewrite("""{"metadata":{"team_id":"t","request_id":"r-9","task":"trec2025-rag"},"answer":[{"text":"A"}]}""", 1, "run", ctx);
        Assert.Equal("r-9", Assert.Single(ctx.Fingerprints).TopicId);
    }
}
