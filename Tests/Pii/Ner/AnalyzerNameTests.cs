using PiiOrleans.Pii.Detection;
using PiiOrleans.Pii.Detection.Ner;

namespace PiiOrleans.Tests.Pii.Ner;

public sealed class AnalyzerNameTests
{
    [Theory]
    [InlineData("Alice Smith is a software engineer living in New York.", "Alice Smith")]
    [InlineData("Dave Kim, a nurse from Boston, works nights.", "Dave Kim")]
    public void FullAnalyzerFindsSentenceInitialNames(string text, string name)
    {
        var gazetteer = new GazetteerRecognizer(Gazetteer.Load(Path.Combine(ModelFixture.Directory, "gazetteer")), besideModel: true);
        var registry = RecognizerRegistry.CreateDefault(AnalyzerOptions.Default).Add(ModelFixture.Recognizer).Add(gazetteer);
        var engine = new AnalyzerEngine(registry, AnalyzerOptions.Default);
        var found = engine.AnalyzeBatch([text]).Single().Select(r => (r.EntityType, text[r.Start..r.End])).ToList();
        Assert.Contains(("PERSON", name), found);
    }
}
