namespace PiiOrleans.Tracks.Writing;

/// <summary>The PII engine as <c>--scan-pii</c> uses it: detect and anonymize one free-text value with the configured operators.</summary>
public interface ITrackTextEngine
{
    /// <summary>Returns the text with detected PII replaced.</summary>
    string Anonymize(string text);
}
