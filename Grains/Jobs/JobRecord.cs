using System.Text.Json;
using PiiOrleans.Grains.Interfaces.Jobs;

namespace PiiOrleans.Grains.Jobs;

/// <summary>
/// A job's persisted state (the <see cref="JobGrain"/>'s <c>IPersistentState</c>): submission, state, counters, open
/// questions and answers, the event log and the outcome. Whatever silo activates the job grain next reads it.
/// </summary>
[GenerateSerializer, Alias("piiorleans.jobs.job-record")]
public sealed class JobRecord
{
    /// <summary>The job type.</summary>
    [Id(0)]
    public string Type { get; set; } = "";

    /// <summary>The submission's parameters object.</summary>
    [Id(1)]
    public JsonElement Parameters { get; set; }

    /// <summary>Where the job stands.</summary>
    [Id(2)]
    public JobState State { get; set; }

    /// <summary>Named counters shown in the status.</summary>
    [Id(3)]
    public Dictionary<string, long> Counters { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Answers by question key (also those given before the question was asked).</summary>
    [Id(4)]
    public Dictionary<string, string> Answers { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Questions waiting for an answer.</summary>
    [Id(5)]
    public List<JobQuestion> OpenQuestions { get; set; } = [];

    /// <summary>The retained events, oldest first.</summary>
    [Id(6)]
    public List<JobEvent> Events { get; set; } = [];

    /// <summary>The sequence number the next event gets.</summary>
    [Id(7)]
    public long NextSequence { get; set; } = 1;

    /// <summary>The error of a failed or cancelled job (never PII).</summary>
    [Id(8)]
    public string? Error { get; set; }

    /// <summary>The exit code once finished.</summary>
    [Id(9)]
    public int? ExitCode { get; set; }

    /// <summary>The result document once finished.</summary>
    [Id(10)]
    public JsonElement? Result { get; set; }

    /// <summary>When the job was submitted.</summary>
    [Id(11)]
    public DateTimeOffset SubmittedAt { get; set; }

    /// <summary>When the job finished.</summary>
    [Id(12)]
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>How many times the runner has started (1 for a job that ran without interruption).</summary>
    [Id(13)]
    public int Attempt { get; set; }

    /// <summary>The runner's last checkpoint (its own JSON), where a resumed run picks up.</summary>
    [Id(14)]
    public JsonElement? Checkpoint { get; set; }
}
