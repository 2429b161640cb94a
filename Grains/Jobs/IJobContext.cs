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
}
