using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using PiiOrleans.Grains.Interfaces.Jobs;

namespace PiiOrleans.Grains.Jobs;

/// <summary>
/// The cluster's directory of jobs (one activation, key <see cref="IJobRegistryGrain.DefaultKey"/>): allocates job ids
/// and lists jobs by asking their grains. Its list of ids is grain state, bounded by <see cref="JobOptions.MaxRetainedJobs"/>.
/// </summary>
public sealed class JobRegistryGrain(
    [PersistentState("registry", JobStorage.Name)] IPersistentState<JobRegistryRecord> state,
    IOptions<JobOptions> options,
    JobTypeCatalog catalog,
    TimeProvider time)
    : Grain, IJobRegistryGrain
{
    /// <inheritdoc />
    public async Task<string> AllocateJobId()
    {
        var ids = state.State.JobIds;
        string id;
        do
        {
            id = $"{time.GetUtcNow():yyyyMMdd-HHmmss}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";
        }
        while (ids.Contains(id));

        ids.Add(id);
        var excess = ids.Count - Math.Max(1, options.Value.MaxRetainedJobs);
        if (excess > 0)
        {
            ids.RemoveRange(0, excess);
        }

        await state.WriteStateAsync();
        return id;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<JobStatus>> ListJobs(int max)
    {
        var ids = state.State.JobIds;
        var newest = ids.Skip(Math.Max(0, ids.Count - Math.Clamp(max, 0, 10_000))).Reverse().ToList();
        var statuses = await Task.WhenAll(newest.Select(async id =>
        {
            try
            {
                return await GrainFactory.GetGrain<IJobGrain>(id).GetStatus();
            }
            catch (JobNotFoundException)
            {
                // An id handed out for a submission that was then refused: nothing to list.
                return null;
            }
        }));
        return [.. statuses.OfType<JobStatus>()];
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<JobTypeInfo>> GetJobTypes() =>
        Task.FromResult<IReadOnlyList<JobTypeInfo>>([.. catalog.All.Select(r => new JobTypeInfo(r.Name, r.Description))]);
}
