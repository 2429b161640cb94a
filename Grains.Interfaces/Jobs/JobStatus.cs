using System.Text.Json;

namespace PiiOrleans.Grains.Interfaces.Jobs;

/// <summary>A snapshot of a job: its state, counters, error (never containing PII) and result.</summary>
public sealed record JobStatus(
    string JobId,
    string Type,
    JobState State,
    IReadOnlyDictionary<string, long> Counters,
    string? Error,
    int? ExitCode,
    JsonElement? Result,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? FinishedAt);
