namespace PiiOrleans.Pii.Detection;

/// <summary>
/// A value could not be analysed (a recognizer hit its regex time limit). Callers must treat the value as sensitive
/// (redact it or fail the job), never pass it through. The message never contains the value.
/// </summary>
public sealed class AnalysisException : Exception
{
    /// <summary>Creates the exception for <paramref name="recognizer"/>.</summary>
    public AnalysisException(string recognizer, int textLength, Exception inner)
        : base($"Recognizer {recognizer} exceeded its time limit on a value of {textLength} characters; treat the value as sensitive.", inner) =>
        Recognizer = recognizer;

    /// <summary>The recognizer that failed.</summary>
    public string Recognizer { get; }
}
