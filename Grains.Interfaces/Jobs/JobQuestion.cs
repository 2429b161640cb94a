using Orleans;

namespace PiiOrleans.Grains.Interfaces.Jobs;

/// <summary>
/// A question a job needs answered before it can go on. <see cref="Key"/> identifies it (answers are cached per key);
/// <see cref="Kind"/> groups questions for policies (e.g. "email", "tsv_format"). Never carries raw PII.
/// </summary>
[GenerateSerializer, Immutable, Alias("piiorleans.jobs.job-question")]
public sealed record JobQuestion(
    string Key,
    string Kind,
    string Prompt,
    IReadOnlyList<string> Choices,
    string? Default,
    string? Context);
