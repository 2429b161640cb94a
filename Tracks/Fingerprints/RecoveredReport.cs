namespace PiiOrleans.Tracks.Fingerprints;

/// <summary>
/// One anonymized report line looked up by fingerprint: where it is, what it says, and (when matched) the original team
/// and run it came from. <see cref="OriginalTeam"/> and <see cref="OriginalRun"/> are null for unmatched lines.
/// </summary>
public sealed record RecoveredReport(
    string File,
    int Line,
    string TopicId,
    string AnonTeam,
    string AnonRun,
    string? OriginalTeam,
    string? OriginalRun)
{
    /// <summary>True when the fingerprint was found in the mapping database.</summary>
    public bool IsMatched => OriginalRun is not null;
}
