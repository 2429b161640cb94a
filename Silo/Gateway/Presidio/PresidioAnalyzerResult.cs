namespace PiiOrleans.Silo.Gateway.Presidio;

/// <summary>One <c>POST /analyze</c> result as Presidio returns it (UTF-16 offsets, end exclusive).</summary>
public sealed record PresidioAnalyzerResult(
    string EntityType,
    int Start,
    int End,
    double Score,
    PresidioRecognitionMetadata RecognitionMetadata);
