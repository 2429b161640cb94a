using System.Text.Json;
using PiiOrleans.Grains.Interfaces.Jobs;
using PiiOrleans.Grains.Jobs;

namespace PiiOrleans.Tests.Silo.TestJobs;

/// <summary>
/// Sees the failure a runner sees when a grain it used was on a lost silo (<see cref="WorkLostException"/>), as its
/// parameters say: <c>lose_before_attempt</c> N loses its work in every attempt before N and then succeeds;
/// <c>lose_when_cancelled</c> waits, and loses its work on its way out once cancelled (a suspended activation's runner).
/// </summary>
public sealed class LosingWorkJobRunner : IJobRunner
{
    public const string TypeName = "test-losing-work";

    public async Task<JobOutcome> RunAsync(IJobContext context, JsonElement parameters, CancellationToken cancellationToken)
    {
        context.ReportProgress("test:losing", new JobProgress(context.Attempt, null, "attempts"));
        if (parameters.TryGetProperty("lose_when_cancelled", out var whenCancelled) && whenCancelled.GetBoolean())
        {
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                throw new WorkLostException("A test table");
            }
        }

        if (parameters.TryGetProperty("lose_before_attempt", out var before) && context.Attempt < before.GetInt32())
        {
            throw new WorkLostException("A test table");
        }

        return new JobOutcome(JsonSerializer.SerializeToElement(new { attempt = context.Attempt }));
    }
}
