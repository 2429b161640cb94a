using PiiOrleans.Pii.Detection;

namespace PiiOrleans.Pii.Engine;

/// <summary>Presents the pattern/NER <see cref="AnalyzerEngine"/> as the <see cref="IPiiAnalyzer"/> the facade runs on.</summary>
public sealed class AnalyzerEngineAdapter(AnalyzerEngine engine) : IPiiAnalyzer
{
    /// <summary>The wrapped analyzer (the column profiler scans values with it).</summary>
    public AnalyzerEngine Engine { get; } = engine;

    /// <inheritdoc />
    public IReadOnlyList<string> SupportedEntities => Engine.SupportedEntities;

    /// <inheritdoc />
    public IReadOnlyList<IEntityRecognizer> Recognizers => Engine.Recognizers;

    /// <inheritdoc />
    public void Analyze(string text, RecognitionRequest request, List<RecognizerResult> results) => Engine.Analyze(text, request, results);

    /// <inheritdoc />
    public IReadOnlyList<List<RecognizerResult>> AnalyzeBatch(IReadOnlyList<string> texts, RecognitionRequest request) =>
        Engine.AnalyzeBatch(texts, request);
}
