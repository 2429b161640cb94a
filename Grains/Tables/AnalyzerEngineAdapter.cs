using PiiOrleans.Pii.Detection;
using PiiOrleans.Pii.Engine;

namespace PiiOrleans.Grains.Tables;

/// <summary>Presents the pattern/NER <see cref="AnalyzerEngine"/> as the <see cref="IPiiAnalyzer"/> that <see cref="PiiEngine"/> runs on.</summary>
public sealed class AnalyzerEngineAdapter(AnalyzerEngine analyzer) : IPiiAnalyzer
{
    /// <inheritdoc />
    public IReadOnlyList<string> SupportedEntities => analyzer.SupportedEntities;

    /// <inheritdoc />
    public IReadOnlyList<IEntityRecognizer> Recognizers => analyzer.Recognizers;

    /// <inheritdoc />
    public void Analyze(string text, RecognitionRequest request, List<RecognizerResult> results) => analyzer.Analyze(text, request, results);

    /// <inheritdoc />
    public IReadOnlyList<List<RecognizerResult>> AnalyzeBatch(IReadOnlyList<string> texts, RecognitionRequest request) =>
        analyzer.AnalyzeBatch(texts, request);
}
