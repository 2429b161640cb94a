using System.Text.Json;
using PiiOrleans.Grains.Interfaces.Jobs;
using PiiOrleans.Grains.Jobs;

namespace PiiOrleans.Tests.Silo.TestJobs;

/// <summary>Reports once, then waits until it is cancelled (or an "after" answer arrives).</summary>
public sealed class WaitingJobRunner : IJobRunner
{
    public const string TypeName = "test-waiting";

    /// <summary>Completes with the job id when a waiting run sees its cancellation.</summary>
    public static event Action<string>? Cancelled;

    public async Task<JobOutcome> RunAsync(IJobContext context, JsonElement parameters, CancellationToken cancellationToken)
    {
        context.ReportProgress("test:waiting", new JobProgress(0, null, "ticks"));
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Cancelled?.Invoke(context.JobId);
            throw;
        }

        return new JobOutcome(default);
    }
}
