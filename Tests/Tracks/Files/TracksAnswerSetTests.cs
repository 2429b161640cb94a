using PiiOrleans.Tracks.Planning;
using PiiOrleans.Tracks.Records;

namespace PiiOrleans.Tests.Tracks.Files;

public class TracksAnswerSetTests
{
    [Fact]
    public void Parses_answers_and_policies()
    {
        var set = TracksAnswerSet.Parse("""{"answers": {"email:task1:email": "keep"}, "policies": {"email": "drop_field", "malformed": "skip_line"}}""", "a.json");
        Assert.Equal(EmailAction.Keep, set.Email("email:task1:email"));
        Assert.Equal(EmailAction.DropField, set.Email("email:task2:email"));
        Assert.Equal("skip_line", set.Repair("malformed:metadata.narrative:abc")!.Action);
    }

    [Theory]
    [InlineData("""{"answer": {}}""", "unknown key 'answer'")]
    [InlineData("""{"policies": {"email": "redact_all"}}""", "policy 'email' cannot be 'redact_all'")]
    [InlineData("""{"policies": {"colour": "x"}}""", "unknown policy kind 'colour'")]
    [InlineData("""{"answers": {"email:t:email": "maybe"}}""", "'maybe' is not a valid answer for 'email:t:email'")]
    [InlineData("""{"answers": {"bogus:key": "x"}}""", "answer key 'bogus:key' is not a tracks question key")]
    [InlineData("""{"answers": {"tsv_format:eval/t/tot": "csv"}}""", "'csv' is not a valid answer")]
    [InlineData("""{"answers": {"email:t:email": 1}}""", "must be a string")]
    [InlineData("""[1]""", "top level must be an object")]
    [InlineData("""{""", "not valid JSON")]
    public void Rejects_bad_files_with_the_file_name(string json, string fragment)
    {
        var ex = Assert.Throws<TracksAnswersException>(() => TracksAnswerSet.Parse(json, "answers.json"));
        Assert.Contains(fragment, ex.Message);
        Assert.StartsWith("answers.json", ex.Message);
    }

    [Fact]
    public void Round_trips_through_json()
    {
        var set = new TracksAnswerSet(new Dictionary<string, string> { ["unknown_run:t/r"] = "create" }, new Dictionary<string, string> { ["tsv_format"] = "detected" });
        var again = TracksAnswerSet.Parse(set.ToJson(), "saved.json");
        Assert.Equal("create", again.Exact("unknown_run:t/r"));
        Assert.Equal("detected", again.Policy("tsv_format"));
    }
}
