using System.Text.Json;
using PiiOrleans.Tracks.Fingerprints;

namespace PiiOrleans.Tests.Tracks.Fingerprints;

public class FingerprintTests
{
    // Spec §6.1 test vectors.
    [Theory]
    [InlineData("topic", "text", "e02345a6265995075079513b2a7b3b172d6002380e5b8c8db5bf3bb896d4a427")]
    [InlineData("topic1", "This is the report text.", "a027ec7856ca3a68e022f9541e653e44f9bce567cac72acec1f40c2a76b5dccf")]
    [InlineData("995", "Answer", "5a34c49d7b9189c8c6803c5ec00c29ca98b801b4f5497ea8f5d14c8df6684b33")]
    [InlineData("983", "some text", "d1ab7541174f34b61a4258552c78fe26463197fa07d7f7ffa794aba714727854")]
    [InlineData("986", "some other text. more text.", "3def0513b1321437a4fde4c31970e691ddc01b6b666a26e24f7f226429f5ba8e")]
    [InlineData("990", "Test answer", "4bca8857ff03e409bbfc2ade3658c5cd26809a1183839054f185e02389b76fd6")]
    public void Matches_the_spec_vectors(string topic, string text, string expected) =>
        Assert.Equal(expected, Fingerprint.Compute(topic, text));

    [Fact]
    public void Long_texts_use_a_rented_buffer_and_hash_the_same()
    {
        string text = new('é', 5000);
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("t\0" + text)));
        Assert.Equal(expected, Fingerprint.Compute("t", text));
    }

    [Theory]
    [InlineData("""{"metadata":{"team_id":"t","run_id":"r","topic_id":"983"},"responses":[{"text":"some"},{"text":"text"}]}""", "983", "some text")]
    [InlineData("""{"metadata":{"team_id":"t","run_id":"r","narrative_id":5},"answer":[{"text":"a"}]}""", "5", "a")]
    [InlineData("""{"metadata":{"team_id":"t","run_id":"r","narrative_id":5.0},"answer":[{"text":"a"}]}""", "5", "a")]
    [InlineData("""{"metadata":{"team_id":"t","run_id":"r","narrative_id":"05"},"responses":[{"text":" a "},{"text":""},{"text":"b"}]}""", "05", " a   b")]
    [InlineData("""{"metadata":{"team_id":"t","run_id":"r","narrative_id":true},"responses":[{"text":"x"}]}""", "1", "x")]
    [InlineData("""{"metadata":{"team_id":"t","run_id":"r","topic_id":"1"},"responses":null,"answer":[{"text":"from answer"}]}""", "1", "from answer")]
    public void Reads_records_Track_Veil_fingerprints_identically(string json, string topic, string text)
    {
        using var document = JsonDocument.Parse(json);
        Assert.True(ReportIdentityReader.TryRead(document.RootElement, out var identity));
        Assert.Equal(topic, identity.TopicId);
        Assert.Equal(text, identity.Text);
        Assert.Equal("t", identity.TeamId);
        Assert.Equal("r", identity.RunId);
    }

    [Theory]
    // LIMIT-6: request_id as the topic (RAGTIME).
    [InlineData("""{"metadata":{"team_id":"t","run_id":"r","request_id":"rq-7"},"responses":[{"text":"x"}]}""", "rq-7")]
    // LIMIT-7: a task outside Track Veil's enum, an int team_id, a missing content run_id and an int topic_id still resolve.
    [InlineData("""{"metadata":{"team_id":42,"task":"trec2025-rag-generation","topic_id":17},"responses":[{"text":"x"}]}""", "17")]
    public void Resolves_leniently_where_Track_Veil_gave_up(string json, string topic)
    {
        using var document = JsonDocument.Parse(json);
        Assert.True(ReportIdentityReader.TryRead(document.RootElement, out var identity));
        Assert.Equal(topic, identity.TopicId);
        Assert.Equal("x", identity.Text);
    }

    [Theory]
    [InlineData("""{"metadata":{"team_id":"t"},"responses":[{"text":"x"}]}""")]
    [InlineData("""{"metadata":{"topic_id":"1"},"responses":[]}""")]
    [InlineData("""{"metadata":{"topic_id":"1"}}""")]
    [InlineData("""[1,2]""")]
    [InlineData("""{"metadata":"x","responses":[{"text":"x"}]}""")]
    [InlineData("""{"metadata":{"topic_id":"1"},"responses":[{"text":"x"},{"nope":1}]}""")]
    [InlineData("""{"metadata":{"topic_id":"1"},"responses":"x","answer":[{"text":"x"}]}""")]
    public void Rejects_records_without_topic_or_text(string json)
    {
        using var document = JsonDocument.Parse(json);
        Assert.False(ReportIdentityReader.TryRead(document.RootElement, out _));
    }

    [Fact]
    public void Json_object_and_bytes_overloads_agree()
    {
        const string json = """{"metadata":{"team_id":"t","run_id":"r","topic_id":"983"},"responses":[{"text":"some text"}]}""";
        Assert.True(ReportIdentityReader.TryRead(System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject(), out var fromNode));
        Assert.True(ReportIdentityReader.TryRead(System.Text.Encoding.UTF8.GetBytes(json), out var fromBytes));
        Assert.Equal(fromNode, fromBytes);
        Assert.Equal("d1ab7541174f34b61a4258552c78fe26463197fa07d7f7ffa794aba714727854", fromBytes.ComputeFingerprint());
        Assert.False(ReportIdentityReader.TryRead("{not json"u8, out _));
    }
}
