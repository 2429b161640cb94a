using PiiOrleans.Pii.Detection;

namespace PiiOrleans.Pii.Engine;

/// <summary>
/// What <see cref="PiiEngine"/> needs from an analyzer: span detection for one text or a batch, already filtered by
/// thresholds, allow lists and overlaps. The pattern/NER analyzer is adapted to it; tests plug in small fakes.
/// </summary>
public interface IPiiAnalyzer
{
    /// <summary>Entity types the analyzer can return.</summary>
    IReadOnlyList<string> SupportedEntities { get; }

    /// <summary>The recognizers behind it (for <c>GET /recognizers</c>).</summary>
    IReadOnlyList<IEntityRecognizer> Recognizers { get; }

    /// <summary>Adds the final results for <paramref name="text"/> to <paramref name="results"/>.</summary>
    void Analyze(string text, RecognitionRequest request, List<RecognizerResult> results);

    /// <summary>The final results of each text, in order (batching lets NER amortise its cost).</summary>
    IReadOnlyList<List<RecognizerResult>> AnalyzeBatch(IReadOnlyList<string> texts, RecognitionRequest request);
}
