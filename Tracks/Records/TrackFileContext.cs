using PiiOrleans.Tracks;

namespace PiiOrleans.Tracks.Records;

/// <summary>Per-file state of a rewrite: where issues, fingerprints and warnings go, and the decisions and pseudonyms to use.</summary>
public sealed class TrackFileContext(
    string relativePath,
    string task,
    string fileName,
    ITrackDecisions decisions,
    ITrackPseudonyms pseudonyms,
    ITrackTextScrubber? scrubber)
{
    private readonly HashSet<string> _warned = new(StringComparer.Ordinal);

    /// <summary>Input path relative to the input root.</summary>
    public string RelativePath { get; } = relativePath;

    /// <summary>The task folder name.</summary>
    public string Task { get; } = task;

    /// <summary>The file name.</summary>
    public string FileName { get; } = fileName;

    public ITrackDecisions Decisions { get; } = decisions;

    public ITrackPseudonyms Pseudonyms { get; } = pseudonyms;

    /// <summary>True while planning: fingerprints are not collected (they are recorded when the file is written).</summary>
    public bool Planning { get; init; }

    /// <summary>Set with <c>--scan-pii</c>.</summary>
    public ITrackTextScrubber? Scrubber { get; } = scrubber;

    public List<TrackIssue> Issues { get; } = [];

    public List<TrackFingerprint> Fingerprints { get; } = [];

    /// <summary>Original run → original team seen in report lines (the last line wins).</summary>
    public Dictionary<string, string> RunTeams { get; } = new(StringComparer.Ordinal);

    /// <summary>Adds an issue.</summary>
    public void Issue(string type, int? line, string? field, string message) =>
        Issues.Add(new TrackIssue(type, RelativePath, line, field, message));

    /// <summary>Adds a warning issue once per <paramref name="dedupKey"/> in this file.</summary>
    public void WarnOnce(string dedupKey, int? line, string message)
    {
        if (_warned.Add(dedupKey))
        {
            Issue("warning", line, null, message);
        }
    }
}
