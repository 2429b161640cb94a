namespace PiiOrleans.Pii.Detection.Ner;

/// <summary>
/// A NER model that cannot be used (missing or malformed file, ONNX Runtime cannot load it) while NER is enabled; the
/// message names the file and says what to do. Never downgraded to a gazetteer-only run.
/// </summary>
public sealed class NerModelException : Exception
{
    /// <summary>Creates the exception with a message that names the file and says what to do.</summary>
    public NerModelException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}
