using PiiOrleans.Pii.Detection;
using PiiOrleans.Pii.Detection.Ner;

namespace PiiOrleans.Tests.Pii.Ner;

/// <summary>A model's spans are not raised again by context words in the text; a table column's name still counts.</summary>
public sealed class ContextAwareRecognizerTests
{
    private const string Text = "Words like Wisdom are mistaken with names.";

    private class WisdomRecognizer : IEntityRecognizer
    {
        public string Name => GetType().Name;

        public IReadOnlyList<string> SupportedEntities => ["PERSON"];

        public void Analyze(string text, RecognitionRequest request, List<RecognizerResult> results)
        {
            var start = text.IndexOf("Wisdom", StringComparison.Ordinal);
            results.Add(new RecognizerResult("PERSON", start, start + 6, 0.4, Name));
        }
    }

    private sealed class PatternLikeRecognizer : WisdomRecognizer;

    private sealed class ModelLikeRecognizer : WisdomRecognizer, IContextAwareRecognizer;

    private static List<RecognizerResult> Analyze(IEntityRecognizer recognizer, string? column = null)
    {
        var options = new AnalyzerOptions
        {
            EnabledEntities = new HashSet<string> { "PERSON" },
            Entities = new Dictionary<string, EntityDetectionSettings> { ["PERSON"] = new() { Threshold = 0.5, ContextWords = ["name", "names"] } },
        };
        var engine = new AnalyzerEngine(new RecognizerRegistry().Add(recognizer), options);
        return engine.Analyze(Text, new RecognitionRequest(ColumnName: column));
    }

    [Fact]
    public void ContextWordsRaiseAPatternResult() => Assert.Single(Analyze(new PatternLikeRecognizer()));

    [Fact]
    public void ContextWordsDoNotRaiseAModelResultTwice() => Assert.Empty(Analyze(new ModelLikeRecognizer()));

    [Fact]
    public void AColumnNameStillRaisesAModelResult() => Assert.Single(Analyze(new ModelLikeRecognizer(), "customer_name"));

    [Fact]
    public void TheNerRecognizerReadsContext() => Assert.True(typeof(IContextAwareRecognizer).IsAssignableFrom(typeof(NerRecognizer)));

    [Fact]
    public void TheLoadedSetHoldsTheModelAndItsGazetteer()
    {
        var set = NamedEntityRecognizerSet.Load(new NerSettings(ModelDirectory: ModelFixture.Directory));
        Assert.Null(set.Problem);
        Assert.Collection(set.Recognizers, r => Assert.IsType<NerRecognizer>(r), r => Assert.IsType<GazetteerRecognizer>(r));
        foreach (var r in set.Recognizers)
        {
            (r as IDisposable)?.Dispose();
        }
    }
}
