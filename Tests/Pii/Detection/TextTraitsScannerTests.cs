using PiiOrleans.Pii.Detection;

namespace PiiOrleans.Tests.Pii.Detection;

public sealed class TextTraitsScannerTests
{
    [Theory]
    [InlineData("no digits at all", TextTraits.None)]
    [InlineData("call 555-123-4567", TextTraits.Digit)]
    [InlineData("licence D1234567 issued", TextTraits.Digit | TextTraits.DigitRun5)]
    [InlineData("12 34 56 789 12345", TextTraits.Digit | TextTraits.DigitRun5)]
    public void DigitRunsOfFiveAreATraitOfTheirOwn(string text, TextTraits expected) =>
        Assert.Equal(expected, TextTraitsScanner.Scan(text) & (TextTraits.Digit | TextTraits.DigitRun5));

    [Fact]
    public void NumberRecognizersSkipTextsWithoutAFiveDigitRun()
    {
        var engine = AnalyzerEngine.Create();
        Assert.DoesNotContain(engine.Analyze("my driver license is 1234-5678"), r => r.EntityType == "US_DRIVER_LICENSE");
        Assert.Contains(engine.Analyze("my driver license is D12345678"), r => r.EntityType == "US_DRIVER_LICENSE");
    }
}
