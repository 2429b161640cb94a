namespace PiiOrleans.Grains.Interfaces.Tracks;

/// <summary>
/// The plan for one input file: its kind and format, the original run id it stands for, and its output path.
/// Paths are relative to the input/output roots and use '/'.
/// </summary>
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
    string? Reason)
{
    /// <summary>The output path relative to the output root, set once pseudonyms are known (null when not written).</summary>
    public string? OutputRelativePath { get; init; }
}
