using PiiOrleans.Pii.Detection;

namespace PiiOrleans.Tests.Pii.Detection;

/// <summary>Issue 16, case 7 follow-up: the phone recognizer itself rejects software versions (dotted digit groups).</summary>
public sealed class PhoneVersionStringTests
{
    private static readonly AnalyzerEngine Analyzer = AnalyzerEngine.Create();

    [Theory]
    [InlineData("Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/27.0.1453.93 Safari/537.36")]
    [InlineData("phone 27.0.1453.93")]
    [InlineData("build 10.0.19045.2965 installed")]
    [InlineData("Dalvik/2.1.0 (Linux; U; Android 11; SM-A515F Build/RP1A.200720.012)")]
    public void Issue16_version_strings_are_not_phone_numbers(string text) =>
        Assert.DoesNotContain(Analyzer.Analyze(text), r => r.EntityType == EntityTypes.PhoneNumber);

    [Theory]
    [InlineData("call 415.555.0100 today")]
    [InlineData("call +1 415.555.0100")]
    [InlineData("call 555-123-4567 now")]
    public void Issue16_dotted_phone_numbers_are_still_found(string text) =>
        Assert.Contains(Analyzer.Analyze(text), r => r.EntityType == EntityTypes.PhoneNumber);
}
