using PiiOrleans.Grains.Interfaces.Jobs;
using PiiOrleans.Grains.Jobs;
using PiiOrleans.Runtime;

namespace PiiOrleans.Silo.Tee;

/// <summary>The job context of the one-shot TEE run: progress and warnings go to the JSON log; there is nobody to ask.</summary>
internal sealed class TeeJobContext(string jobId, IGrainFactory grainFactory, TeeLog log) : IJobContext
{
    public string JobId => jobId;

    public IGrainFactory GrainFactory => grainFactory;

    public void ReportProgress(string scope, object data) => log.Info("progress", scope, data);

    public void IncrementCounter(string name, long delta = 1)
    {
        // Counters are visible in the report and the progress lines; a one-shot run has no status endpoint to show them.
    }

    public void Warn(string code, string message) => log.Write("warning", code, message);

    public Task<IReadOnlyDictionary<string, string>> AskAsync(IReadOnlyList<JobQuestion> questions, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("The TEE job runs unattended and cannot ask questions.");
}
