using Orleans;

namespace PiiOrleans.Grains.Interfaces.Jobs;

/// <summary>No job with the given id was started in this silo (or it was evicted from the in-memory job store).</summary>
[GenerateSerializer, Alias("piiorleans.jobs.job-not-found-exception")]
public sealed class JobNotFoundException(string jobId)
    : Exception($"No job with id '{jobId}' exists in this silo. List the jobs with 'piiorleans jobs list'.")
{
    /// <summary>The id that was asked for.</summary>
    [Id(0)]
    public string JobId { get; } = jobId;
}
