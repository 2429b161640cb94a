namespace PiiOrleans.Pii.Detection;

/// <summary>
/// The recognizer contract: pattern recognizers, the NER model and gazetteers all plug in here.
/// Implementations are thread-safe and stateless per call; they add raw (pre-context, pre-threshold) results.
/// </summary>
public interface IEntityRecognizer
{
    /// <summary>A stable name, reported in results and in <c>GET /recognizers</c>.</summary>
    string Name { get; }

    /// <summary>Entity types this recognizer can emit.</summary>
    IReadOnlyList<string> SupportedEntities { get; }

    /// <summary>Adds the entities found in <paramref name="text"/> to <paramref name="results"/>.</summary>
    void Analyze(string text, RecognitionRequest request, List<RecognizerResult> results);
}
