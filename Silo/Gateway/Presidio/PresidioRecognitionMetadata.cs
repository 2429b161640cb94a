namespace PiiOrleans.Silo.Gateway.Presidio;

/// <summary>Presidio's <c>recognition_metadata</c>: which recognizer produced a result.</summary>
public sealed record PresidioRecognitionMetadata(string RecognizerName, string RecognizerIdentifier);
