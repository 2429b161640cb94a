namespace PiiOrleans.Pii.Detection.Ner;

/// <summary>A NER model directory that cannot be used (missing or malformed file); the message names the file.</summary>
public sealed class NerModelException : Exception
{
    /// <summary>Creates the exception with a message that names the file and says what to do.</summary>
    public NerModelException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}
