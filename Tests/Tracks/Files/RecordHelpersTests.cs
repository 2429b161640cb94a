using PiiOrleans.Tracks.Json;
using PiiOrleans.Tracks.Planning;
using PiiOrleans.Tracks.Records;

namespace PiiOrleans.Tests.Tracks.Files;

public class RecordHelpersTests
{
    // Spec §7.2 test vectors.
    [Theory]
    [InlineData("{\"title\":\"T\",\"text\":\"Body\"}", "550d9182cef0e456")]
    [InlineData("null", "9d29a758a4c55413")]
    [InlineData("[\"a\",\"b\"]", "fbd54da4ea686f09")]
    [InlineData("[]", "139f0a74f21e9ad9")]
    [InlineData("5", "fff0e2bb053c1fa8")]
    public void Pattern_hash_matches_track_veil(string json, string hash) =>
        Assert.Equal(hash, RepairPatternHash.Compute("metadata.narrative", PyJsonReader.Parse(json)));

    // The planner (pipeline values) and the mapping store (JsonElement) must key repair rules alike, also for keys
    // Python's repr escapes (control characters, non-printables, astral characters).
    [Theory]
    [InlineData("{\"a\\u0001\":1,\"it's\":2,\"\\ud83d\\ude00\":3,\"\\u00ad\":4,\"z\":5}")]
    [InlineData("[{\"x\":1}]")]
    public void Pattern_hash_is_the_same_for_both_json_models(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(PiiOrleans.Tracks.Mapping.RepairPatternHash.Compute("metadata.narrative", document.RootElement),
            RepairPatternHash.Compute("metadata.narrative", PyJsonReader.Parse(json)));
    }

    [Theory]
    [InlineData("ab@example.com", "a***@example.com")]
    [InlineData("alice@example.com", "al***@example.com")]
    [InlineData("nodomain", "nod***")]
    [InlineData("@x", "***@x")] // BUG-13: the reference crashes on an empty local part.
    public void Masks_emails(string email, string masked) => Assert.Equal(masked, EmailAddressPattern.Mask(email));

    [Fact]
    public void Longest_known_run_id_prefix_wins()
    {
        var index = new RunIdPrefixIndex(["my.run", "my.run.v1", "other"]);
        Assert.Equal(("my.run.v1", ".nist.edit"), index.LongestPrefix("my.run.v1.nist.edit"));
        Assert.Equal(("my.run", ".judge"), index.LongestPrefix("my.run.judge"));
        Assert.Equal(("other", ""), index.LongestPrefix("other"));
        Assert.Null(index.LongestPrefix("my.runner.judge"));
    }

    [Theory]
    [InlineData("run-a.qrel_eval", "run-a")]
    [InlineData("run.b.judge", "run.b")]
    [InlineData("run.c.whatever", "run.c")]
    [InlineData("plain", "plain")]
    public void Strips_judge_suffixes(string name, string runId) => Assert.Equal(runId, TracksPlanResolver.StripJudgeSuffix(name));
}
