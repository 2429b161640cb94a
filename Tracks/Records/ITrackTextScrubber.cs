namespace PiiOrleans.Tracks.Records;

/// <summary>Anonymizes free text (<c>--scan-pii</c>): known team/run names and PII found by the engine.</summary>
public interface ITrackTextScrubber
{
    /// <summary>Returns the text with every finding replaced (the same instance when nothing was found).</summary>
    string Scrub(string text);
}
