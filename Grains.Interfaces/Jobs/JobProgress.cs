using Orleans;

namespace PiiOrleans.Grains.Interfaces.Jobs;

/// <summary>
/// The payload shape clients understand for progress events: <see cref="Done"/> of <see cref="Total"/> (null when unknown)
/// <see cref="Unit"/>s (e.g. "rows", "files"). The event adds a "scope" field naming what progressed (e.g. "table:users").
/// </summary>
[GenerateSerializer, Immutable, Alias("piiorleans.jobs.job-progress")]
public sealed record JobProgress(long Done, long? Total = null, string Unit = "items", string? Message = null);
