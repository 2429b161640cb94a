using Orleans;

namespace PiiOrleans.Grains.Interfaces.Jobs;

/// <summary>
/// A runner's attempt is no longer the job's current one: the job resumed on another silo (or restarted here) after this
/// attempt was thought lost. The stale attempt stops without writing or publishing anything.
/// </summary>
[GenerateSerializer, Alias("piiorleans.jobs.job-superseded-exception")]
public sealed class JobSupersededException(string jobId)
    : Exception($"Job {jobId}: another attempt of this job has started; this one stops.")
{
    /// <summary>The job.</summary>
    [Id(0)]
    public string JobId { get; } = jobId;
}
