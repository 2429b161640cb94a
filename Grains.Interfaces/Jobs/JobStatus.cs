using System.Text.Json;
using System.Text.Json.Serialization;

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
    DateTimeOffset? FinishedAt)
{
    /// <summary>Questions the job is waiting on (empty unless <see cref="State"/> is <see cref="JobState.WaitingForAnswers"/>).</summary>
    public IReadOnlyList<JobQuestion> OpenQuestions { get; init; } = [];

    /// <summary>True once the job has succeeded, failed or been cancelled.</summary>
    [JsonIgnore]
    public bool IsFinished => State is JobState.Succeeded or JobState.Failed or JobState.Cancelled;
}
