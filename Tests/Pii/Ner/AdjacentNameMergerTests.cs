using PiiOrleans.Pii.Detection;
using PiiOrleans.Pii.Detection.Ner;

namespace PiiOrleans.Tests.Pii.Ner;

public sealed class AdjacentNameMergerTests
{
    private static List<string> Merge(string text, params (string Type, string Value, double Score)[] found)
    {
        var results = found.Select(f =>
        {
            var start = text.IndexOf(f.Value, StringComparison.Ordinal);
            return new RecognizerResult(f.Type, start, start + f.Value.Length, f.Score, "x");
        }).ToList();
        AdjacentNameMerger.Merge(text, results);
        return [.. results.OrderBy(r => r.Start).Select(r => $"{r.EntityType}:{text[r.Start..r.End]}:{r.Score}")];
    }

    [Fact]
    public void JoinsNamePiecesOneSpaceApart() =>
        Assert.Equal(["PERSON:Heather Horvatinčić:0.75"], Merge("Maybe it's under Heather Horvatinčić", ("PERSON", "Horvatinčić", 0.75), ("PERSON", "Heather", 0.5)));

    [Fact]
    public void JoinsThreePieces() =>
        Assert.Equal(["PERSON:Anna Maria Svensson:0.9"], Merge("Ask Anna Maria Svensson", ("PERSON", "Anna", 0.6), ("PERSON", "Maria", 0.9), ("PERSON", "Svensson", 0.7)));

    [Theory]
    [InlineData("Ann, Bob")]
    [InlineData("Ann  Bob")]
    [InlineData("Ann\nBob")]
    public void LeavesNamesApartThatMoreThanOneSpaceSeparates(string text) =>
        Assert.Equal(2, Merge(text, ("PERSON", "Ann", 0.6), ("PERSON", "Bob", 0.6)).Count);

    [Fact]
    public void LeavesOtherEntitiesAlone() =>
        Assert.Equal(["PERSON:Ann:0.6", "LOCATION:Paris:0.6"], Merge("Ann Paris", ("PERSON", "Ann", 0.6), ("LOCATION", "Paris", 0.6)));

    [Fact]
    public void LeavesUserNamesApart() =>
        Assert.Equal(2, Merge("@StevieBoylan @mikekus everyone", ("PERSON", "@StevieBoylan", 0.8), ("PERSON", "@mikekus", 0.8)).Count);
}
