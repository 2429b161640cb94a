using System.Text.Json;
using Orleans;
using PiiOrleans.Grains.Interfaces.Jobs;

namespace PiiOrleans.Grains.Jobs;

/// <summary>What a running job can do: address grains, publish progress and warnings, and ask questions.</summary>
public interface IJobContext
{
    /// <summary>The job id (also the key of its job grain).</summary>
    string JobId { get; }

    /// <summary>Grain factory for fanning out work.</summary>
    IGrainFactory GrainFactory { get; }

    /// <summary>Publishes a progress event (e.g. per table or per phase) and updates counters. <paramref name="data"/> is serialized as JSON.</summary>
    void ReportProgress(string scope, object data);

    /// <summary>Adds <paramref name="delta"/> to the named counter shown in the job status.</summary>
    void IncrementCounter(string name, long delta = 1);

    /// <summary>Publishes a warning (no PII in <paramref name="message"/>).</summary>
    void Warn(string code, string message);

    /// <summary>
    /// Publishes the questions and waits until each has an answer (from the answers posted to the job).
    /// Returns the answers by question key.
    /// </summary>
    Task<IReadOnlyDictionary<string, string>> AskAsync(IReadOnlyList<JobQuestion> questions, CancellationToken cancellationToken);

    /// <summary>
    /// Which start of the runner this is: 1 for the first, higher after the job resumed because a silo working on it
    /// was lost (or stopped). A resumed runner picks up from <see cref="Checkpoint"/>; its output must be the same bytes.
    /// </summary>
    int Attempt => 1;

    /// <summary>The last checkpoint saved with <see cref="SaveCheckpointAsync"/> by an earlier attempt (null on a first run).</summary>
    JsonElement? Checkpoint => null;

    /// <summary>
    /// Persists <paramref name="checkpoint"/> with the job's state before returning. Throws
    /// <see cref="JobSupersededException"/> when another attempt of the job has started since: the caller must stop
    /// without touching the output (this is what makes the final publish happen once).
    /// </summary>
    Task SaveCheckpointAsync(JsonElement checkpoint) => Task.CompletedTask;

    /// <summary>
    /// True once the job's silo is stopping and the job will resume elsewhere (cancellation then means "suspend"): a
    /// runner keeps the files it would resume from instead of cleaning them up.
    /// </summary>
    bool IsStopping => false;
}
