namespace PiiOrleans.Tracks.Fingerprints;

/// <summary>
/// What a report line contributes to fingerprinting: the resolved topic id and report text (never empty), and the
/// content's <c>metadata.team_id</c> / <c>metadata.run_id</c> as text (empty when absent).
/// </summary>
public sealed record ReportIdentity(string TopicId, string Text, string TeamId, string RunId)
{
    /// <summary>The fingerprint of <see cref="TopicId"/> and <see cref="Text"/>.</summary>
    public string ComputeFingerprint() => Fingerprint.Compute(TopicId, Text);
}
