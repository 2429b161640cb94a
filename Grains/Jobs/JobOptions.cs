namespace PiiOrleans.Grains.Jobs;

/// <summary>Limits and timings of jobs (configuration section <c>Jobs</c>).</summary>
public sealed class JobOptions
{
    /// <summary>Events kept per job; older ones are dropped (their sequence numbers are not reused).</summary>
    public int EventLogCapacity { get; set; } = 10_000;

    /// <summary>Jobs the registry lists; the oldest ids are forgotten beyond this.</summary>
    public int MaxRetainedJobs { get; set; } = 1_000;

    /// <summary>Progress events of one scope closer together than this replace each other instead of piling up.</summary>
    public TimeSpan ProgressCoalescingInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How often a running job's grain persists its state when it changed.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a stopping silo waits for cancelled jobs to wind down.</summary>
    public TimeSpan ShutdownGracePeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Period of the reminder that re-activates a running job whose silo died when no client asks about it (Orleans'
    /// minimum is one minute). Needs a reminder service: a pool's Redis, or the in-memory one of a single silo.
    /// </summary>
    public TimeSpan ResumeReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
