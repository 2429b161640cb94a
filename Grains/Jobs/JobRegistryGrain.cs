using PiiOrleans.Grains.Interfaces.Jobs;
using PiiOrleans.Runtime;

namespace PiiOrleans.Grains.Jobs;

/// <summary>Allocates job ids and lists jobs, over the silo's <see cref="JobStore"/>.</summary>
public sealed class JobRegistryGrain(JobStore store) : Grain, IJobRegistryGrain
{
    /// <inheritdoc />
    public Task<string> AllocateJobId() => Task.FromResult(store.ReserveNewId());

    /// <inheritdoc />
    public Task<IReadOnlyList<JobStatus>> ListJobs(int max) =>
        Task.FromResult(store.List(Math.Clamp(max, 0, 10_000)));
}
