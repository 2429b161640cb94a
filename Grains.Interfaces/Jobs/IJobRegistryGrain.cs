using Orleans;

namespace PiiOrleans.Grains.Interfaces.Jobs;

/// <summary>The cluster's directory of jobs (one activation, key <see cref="DefaultKey"/>): allocates job ids and lists jobs.</summary>
[Alias("piiorleans.jobs.job-registry-grain")]
public interface IJobRegistryGrain : IGrainWithStringKey
{
    /// <summary>The key of the registry activation.</summary>
    const string DefaultKey = "jobs";

    /// <summary>Returns a new job id that no other job of this silo uses.</summary>
    Task<string> AllocateJobId();

    /// <summary>The most recent jobs (newest first), at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<JobStatus>> ListJobs(int max);

    /// <summary>The job types the cluster's silos run.</summary>
    Task<IReadOnlyList<JobTypeInfo>> GetJobTypes();
}
