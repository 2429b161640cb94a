using PiiOrleans.Tracks;
using PiiOrleans.Tracks.Formats;

namespace PiiOrleans.Tracks.Planning;

/// <summary>What planning learned from reading one file; independent of the answers, so it is read once per job.</summary>
public sealed class TrackFileScan(TrackInputFile file, TrackFileKind kind)
{
    public TrackInputFile File { get; } = file;

    public TrackFileKind Kind { get; } = kind;

    /// <summary>For TSV files: the detector's hint.</summary>
    public TsvFormatHint? Hint { get; init; }

    /// <summary>For TSV files: the first data line, shortened to 80 characters (shown in the format question).</summary>
    public string? Sample { get; init; }

    /// <summary>Teams met in the content, first-seen order.</summary>
    public IReadOnlyList<string> Teams { get; init; } = [];

    /// <summary>Runs met in the content (report file name, metadata runtags), first-seen order.</summary>
    public IReadOnlyList<string> Runs { get; init; } = [];

    /// <summary>Original run → original team from report lines.</summary>
    public IReadOnlyDictionary<string, string> RunTeams { get; init; } = new Dictionary<string, string>();

    /// <summary>E-mail and malformed-field questions the content raises.</summary>
    public IReadOnlyList<TracksQuestion> Questions { get; init; } = [];

    /// <summary>Malformed values met: pattern hash, field, original team and Python type.</summary>
    public IReadOnlyList<RepairLookup> RepairLookups { get; init; } = [];

    /// <summary>Size in bytes.</summary>
    public long Length { get; init; }
}
