using System.Text.Json;
using Orleans;
using PiiOrleans.Grains.Interfaces.Jobs;

namespace PiiOrleans.Grains.Jobs;

/// <summary>The <see cref="IJobContext"/> a runner gets: a thin view of its <see cref="JobExecution"/>.</summary>
internal sealed class JobContext(JobExecution execution, IGrainFactory grainFactory, int attempt) : IJobContext
{
    public string JobId => execution.JobId;

    public IGrainFactory GrainFactory => grainFactory;

    public void ReportProgress(string scope, object data)
    {
        ArgumentException.ThrowIfNullOrEmpty(scope);
        ArgumentNullException.ThrowIfNull(data);
        execution.ReportProgress(scope, data);
    }

    public void IncrementCounter(string name, long delta = 1) => execution.IncrementCounter(name, delta);

    public void Warn(string code, string message) => execution.Warn(code, message);

    public Task<IReadOnlyDictionary<string, string>> AskAsync(IReadOnlyList<JobQuestion> questions, CancellationToken cancellationToken) =>
        execution.AskAsync(questions, cancellationToken);

    public int Attempt => attempt;

    public bool IsStopping => execution.IsStopping;

    public JsonElement? Checkpoint => attempt > 1 ? execution.Checkpoint : null;

    public async Task SaveCheckpointAsync(JsonElement checkpoint)
    {
        // Through the job's grain, wherever it is active now: it persists the checkpoint before answering, and refuses a
        // superseded attempt (whose silo was thought lost), which must then stop without touching the output.
        if (!await grainFactory.GetGrain<IJobGrain>(execution.JobId).SaveCheckpoint(attempt, checkpoint).ConfigureAwait(false))
        {
            throw new JobSupersededException(execution.JobId);
        }
    }
}
