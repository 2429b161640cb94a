using Orleans;

namespace PiiOrleans.Tracks;

/// <summary>
/// Totals of a tracks job (spec §3.11): files and lines, how many files were resumed, filtered or skipped, fingerprints,
/// errors (parse_error + malformed_field), warnings (other issues) and issue counts by type.
/// </summary>
[GenerateSerializer, Immutable, Alias("piiorleans.tracks.tracks-summary")]
public sealed record TracksSummary(
    int FilesProcessed,
    int FilesResumed,
    int FilesFiltered,
    int FilesSkipped,
    long LinesRead,
    long LinesWritten,
    long Fingerprints,
    int Errors,
    int Warnings,
    IReadOnlyDictionary<string, int> IssuesByType);
