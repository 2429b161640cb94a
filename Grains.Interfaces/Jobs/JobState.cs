namespace PiiOrleans.Grains.Interfaces.Jobs;

/// <summary>Lifecycle of a job.</summary>
public enum JobState
{
    Pending,
    Running,
    WaitingForAnswers,
    Succeeded,
    Failed,
    Cancelled,
}
