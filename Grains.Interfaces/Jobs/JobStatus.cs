using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans;

namespace PiiOrleans.Grains.Interfaces.Jobs;

/// <summary>A snapshot of a job: its state, counters, error (never containing PII) and result.</summary>
[GenerateSerializer, Immutable, Alias("piiorleans.jobs.job-status")]
public sealed record JobStatus(
    string JobId,
    string Type,
    JobState State,
    IReadOnlyDictionary<string, long> Counters,
    string? Error,
    int? ExitCode,
    JsonElement? Result,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? FinishedAt)
{
    /// <summary>Questions the job is waiting on (empty unless <see cref="State"/> is <see cref="JobState.WaitingForAnswers"/>).</summary>
    [Id(100)]
    public IReadOnlyList<JobQuestion> OpenQuestions { get; init; } = [];

    /// <summary>True once the job has succeeded, failed or been cancelled.</summary>
    [JsonIgnore]
    public bool IsFinished => State is JobState.Succeeded or JobState.Failed or JobState.Cancelled;
}
