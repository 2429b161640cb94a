using Orleans;

namespace PiiOrleans.Tracks;

/// <summary>
/// The plan for one input file: its kind and format, the original run id it stands for, and its output path.
/// Paths are relative to the input/output roots and use '/'; <see cref="OutputRelativePath"/> is set once pseudonyms
/// are known (null when the file is not written).
/// </summary>
[GenerateSerializer, Immutable, Alias("piiorleans.tracks.track-file-plan")]
public sealed record TrackFilePlan(
    string RelativePath,
    TrackTree Tree,
    string Task,
    string FileName,
    TrackFileKind Kind,
    TsvFormat Format,
    IReadOnlyList<int> RunIdColumns,
    bool HasHeaderRow,
    string? RunId,
    string? OutputSuffix,
    TrackFileAction Action,
    string? Reason,
    string? OutputRelativePath = null);
