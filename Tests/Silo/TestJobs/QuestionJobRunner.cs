using System.Text.Json;
using PiiOrleans.Grains.Interfaces.Jobs;
using PiiOrleans.Grains.Jobs;

namespace PiiOrleans.Tests.Silo.TestJobs;

/// <summary>Reports progress three times, asks which colour (red/blue), and returns the answer with the item count.</summary>
public sealed class QuestionJobRunner : IJobRunner
{
    public const string TypeName = "test-question";

    public async Task<JobOutcome> RunAsync(IJobContext context, JsonElement parameters, CancellationToken cancellationToken)
    {
        var items = parameters.TryGetProperty("items", out var value) && value.TryGetInt32(out var count) ? count : 3;
        for (var done = 1; done <= 3; done++)
        {
            context.ReportProgress("test:items", new JobProgress(done * items / 3, items, "items"));
            context.IncrementCounter("steps");
            await Task.Delay(150, cancellationToken); // apart enough that progress events are not coalesced
        }

        var answers = await context.AskAsync(
            [new JobQuestion("color", "test", "Which colour?", ["red", "blue"], "red", "asked by the test job")],
            cancellationToken);
        return new JobOutcome(JsonSerializer.SerializeToElement(new { answer = answers["color"], items }));
    }
}
