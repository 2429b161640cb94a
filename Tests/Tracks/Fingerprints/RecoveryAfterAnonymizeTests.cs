using PiiOrleans.Client.Commands;
using PiiOrleans.Grains.Interfaces.Tracks;
using PiiOrleans.Tests.Tracks.Pipeline;
using PiiOrleans.Tracks;

namespace PiiOrleans.Tests.Tracks.Fingerprints;

/// <summary>End to end: what the tracks job fingerprints, recover-mapping finds again in the anonymized output (BUG-1, BUG-2).</summary>
public class RecoveryAfterAnonymizeTests
{
    [Fact]
    public async Task Recover_mapping_matches_every_report_the_job_wrote()
    {
        using var tree = TracksTestTree.Standard();
        await using var harness = await TracksJobHarness.StartAsync();
        var (outcome, result, _) = await harness.RunAsync(new TracksJobParameters(tree.Input, tree.Output, tree.Mapping, Seed: 42, Answers: TracksTestTree.StandardAnswers()));
        Assert.Equal(0, outcome.ExitCode);

        var recovered = TracksMappingRecoverCommand.Recover(tree.Mapping, tree.Output);
        Assert.Equal(result.Summary!.Fingerprints, recovered.Matched.Count());
        Assert.Empty(recovered.Unmatched);
        Assert.All(recovered.Matched, r => Assert.Equal(Path.Combine(tree.Output, "runs", "task1", "tulips"), r.File));
        Assert.All(recovered.Matched, r => Assert.Equal("tulips", r.AnonRun));
        Assert.All(recovered.Matched, r => Assert.DoesNotContain(r.OriginalRun!, "tulips"));
        Assert.Equal(["983", "986"], recovered.Matched.Select(r => r.TopicId));
    }
}
