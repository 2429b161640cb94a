namespace PiiOrleans.Tracks;

/// <summary>
/// Parameters of a "tracks" job (the JSON object submitted with the job). Paths are absolute on the silo's machine.
/// <see cref="Answers"/> and <see cref="Policies"/> come from the answers file; with <see cref="Interactive"/> the job asks
/// open questions through the job (a terminal answers them), otherwise it stops with the open questions before writing.
/// </summary>
public sealed record TracksJobParameters(
    string Input,
    string Output,
    string Mapping,
    string? Priority = null,
    bool DryRun = false,
    bool ScanPii = false,
    bool Resume = false,
    bool Force = false,
    long? Seed = null,
    IReadOnlyDictionary<string, string>? Answers = null,
    IReadOnlyDictionary<string, string>? Policies = null,
    string RunsDir = "runs",
    string MetadataDir = "metadata",
    string EvalDir = "eval",
    bool Interactive = false);
