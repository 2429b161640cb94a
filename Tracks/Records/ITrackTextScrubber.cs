namespace PiiOrleans.Tracks.Records;

/// <summary>Replaces known identifiers (and, with <c>--scan-pii</c>, detected PII) in the free text of track records.</summary>
public interface ITrackTextScrubber
{
    /// <summary>
    /// True with <c>--scan-pii</c>: every string of a record is scrubbed, at any depth and under any key (identifier
    /// fields excepted), and e-mail addresses are redacted wherever they are (<see cref="DeepTextScrub"/>).
    /// </summary>
    bool ScansPii => false;

    /// <summary>Returns the text with every finding replaced (the same instance when nothing was found).</summary>
    string Scrub(string text);
}
