using System.Text.Json;
using PiiOrleans.Grains.Interfaces.Jobs;
using PiiOrleans.Grains.Jobs;

namespace PiiOrleans.Tests.Silo.TestJobs;

/// <summary>Fails as its parameters say: "parameters" (JobParameterException), "crash" (an exception quoting PII), or "exit" (its own exit code).</summary>
public sealed class FailingJobRunner : IJobRunner
{
    public const string TypeName = "test-failing";
    public const string SecretInMessage = "jane.doe@example.com";

    public Task<JobOutcome> RunAsync(IJobContext context, JsonElement parameters, CancellationToken cancellationToken)
    {
        var mode = parameters.TryGetProperty("mode", out var value) ? value.GetString() : null;
        return mode switch
        {
            "parameters" => throw new JobParameterException("Parameter 'input' is required: give the path of a SQLite file."),
            "crash" => throw new InvalidOperationException($"could not parse value {SecretInMessage}"),
            "exit" => Task.FromResult(new JobOutcome(JsonSerializer.SerializeToElement(new { verified = false }), 12)),
            "failed" => throw new JobFailedException("The privacy check found 2 values in clear.", 13),
            _ => Task.FromResult(new JobOutcome(JsonSerializer.SerializeToElement(new { ok = true }))),
        };
    }
}
