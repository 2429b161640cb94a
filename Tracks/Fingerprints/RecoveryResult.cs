namespace PiiOrleans.Tracks.Fingerprints;

/// <summary>The outcome of <see cref="FingerprintRecovery"/>: every usable report line in input order, and what was skipped.</summary>
public sealed record RecoveryResult(IReadOnlyList<RecoveredReport> Reports, IReadOnlyList<SkippedInput> Skipped)
{
    /// <summary>Lines whose fingerprint is in the mapping database.</summary>
    public IEnumerable<RecoveredReport> Matched => Reports.Where(r => r.IsMatched);

    /// <summary>Lines whose fingerprint is not in the mapping database.</summary>
    public IEnumerable<RecoveredReport> Unmatched => Reports.Where(r => !r.IsMatched);
}
