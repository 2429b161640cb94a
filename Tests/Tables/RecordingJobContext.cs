using System.Collections.Concurrent;
using System.Text.Json;
using Orleans;
using PiiOrleans.Grains.Interfaces.Jobs;
using PiiOrleans.Grains.Jobs;

namespace PiiOrleans.Tests.Tables;

/// <summary>Job context that records progress, counters and warnings for assertions.</summary>
internal sealed class RecordingJobContext(string jobId, IGrainFactory grainFactory) : IJobContext
{
    public ConcurrentQueue<(string Scope, object Data)> Progress { get; } = new();

    public ConcurrentDictionary<string, long> Counters { get; } = new();

    public ConcurrentQueue<(string Code, string Message)> Warnings { get; } = new();

    public string JobId => jobId;

    public IGrainFactory GrainFactory => grainFactory;

    public void ReportProgress(string scope, object data) => Progress.Enqueue((scope, data));

    public void IncrementCounter(string name, long delta = 1) => Counters.AddOrUpdate(name, delta, (_, v) => v + delta);

    public void Warn(string code, string message) => Warnings.Enqueue((code, message));

    public int Attempt { get; init; } = 1;

    public JsonElement? Checkpoint { get; init; }

    /// <summary>Another attempt owns the job: every checkpoint is refused, as the job grain refuses a superseded attempt's.</summary>
    public bool Superseded { get; init; }

    public ConcurrentQueue<string> SavedPhases { get; } = new();

    public Task SaveCheckpointAsync(JsonElement checkpoint)
    {
        if (Superseded)
        {
            throw new JobSupersededException(jobId);
        }

        SavedPhases.Enqueue(checkpoint.GetProperty("phase").GetString()!);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<string, string>> AskAsync(IReadOnlyList<JobQuestion> questions, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The tables pipeline asks no questions.");
}
