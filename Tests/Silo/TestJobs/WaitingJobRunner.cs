using System.Text.Json;
using PiiOrleans.Grains.Interfaces.Jobs;
using PiiOrleans.Grains.Jobs;

namespace PiiOrleans.Tests.Silo.TestJobs;

/// <summary>Reports once, then waits until it is cancelled (or an "after" answer arrives).</summary>
public sealed class WaitingJobRunner : IJobRunner
{
    public const string TypeName = "test-waiting";

    public async Task<JobOutcome> RunAsync(IJobContext context, JsonElement parameters, CancellationToken cancellationToken)
    {
        context.ReportProgress("test:waiting", new JobProgress(0, null, "ticks"));
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return new JobOutcome(default);
    }
}
