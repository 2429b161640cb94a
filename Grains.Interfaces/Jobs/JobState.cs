using Orleans;

namespace PiiOrleans.Grains.Interfaces.Jobs;

/// <summary>Lifecycle of a job.</summary>
[GenerateSerializer, Alias("piiorleans.jobs.job-state")]
public enum JobState
{
    Pending,
    Running,
    WaitingForAnswers,
    Succeeded,
    Failed,
    Cancelled,
}
