using Orleans;

namespace PiiOrleans.Tracks;

/// <summary>What rewriting one file produced: counts, issues, and whether it was skipped because its output already matched (resume).</summary>
[GenerateSerializer, Immutable, Alias("piiorleans.tracks.track-file-result")]
public sealed record TrackFileResult(
    string RelativePath,
    string? OutputRelativePath,
    long LinesRead,
    long LinesWritten,
    int Fingerprints,
    bool Resumed,
    IReadOnlyList<TrackIssue> Issues);
