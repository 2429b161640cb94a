using PiiOrleans.Pii.Detection;
using PiiOrleans.Pii.Detection.Ner;

namespace PiiOrleans.Tests.Pii.Ner;

public sealed class NumberLikePlaceArbiterTests
{
    [Theory]
    [InlineData("9885 1152-Office", true)]
    [InlineData("329 7730", true)]
    [InlineData("341308170", true)]
    [InlineData("A56319335", true)]
    [InlineData("10/3/1948", true)]
    [InlineData("78", false)]
    [InlineData("20 1432 Gemsbok St", false)]
    [InlineData("98033-1234", false)]
    [InlineData("Unit 8505 Box 3866", false)]
    [InlineData("SW1A 1AA", false)]
    [InlineData("Camiño Ancho 91", false)]
    public void TellsNumbersFromAddressParts(string value, bool expected) => Assert.Equal(expected, NumberLikePlaceArbiter.IsNumberLike(value));

    private sealed class ModelPlaces(params string[] values) : IContextAwareRecognizer
    {
        public string Name => "Model";

        public IReadOnlyList<string> SupportedEntities => ["LOCATION"];

        public void Analyze(string text, RecognitionRequest request, List<RecognizerResult> results)
        {
            foreach (var value in values)
            {
                var start = text.IndexOf(value, StringComparison.Ordinal);
                results.Add(new RecognizerResult("LOCATION", start, start + value.Length, 0.99, Name));
            }
        }
    }

    private static List<(string Type, string Value)> Analyze(string text, params string[] modelPlaces)
    {
        var options = new AnalyzerOptions();
        var engine = new AnalyzerEngine(RecognizerRegistry.CreateDefault(options).Add(new ModelPlaces(modelPlaces)), options);
        return [.. engine.Analyze(text).Select(r => (r.EntityType, text[r.Start..r.End]))];
    }

    [Fact]
    public void APhoneNumberTheModelCalledAPlaceKeepsItsType()
    {
        var found = Analyze("Call me on 555-901-2345 today", "555-901-2345");
        Assert.Contains(("PHONE_NUMBER", "555-901-2345"), found);
        Assert.DoesNotContain(found, f => f.Type == "LOCATION");
    }

    [Fact]
    public void ANumberOnlyTheModelFoundStaysMaskedAsAPlace()
    {
        var found = Analyze("Ref QX12345678ZT here", "QX12345678ZT");
        Assert.True(found.Contains(("LOCATION", "QX12345678ZT")), string.Join("; ", found));
    }

    [Fact]
    public void AnAddressPartIsNotJudged() =>
        Assert.Contains(("LOCATION", "Gemsbok St 12"), Analyze("at Gemsbok St 12 on 555-901-2345", "Gemsbok St 12"));
}
