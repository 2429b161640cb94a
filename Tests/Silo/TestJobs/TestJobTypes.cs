using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PiiOrleans.Grains.Jobs;

namespace PiiOrleans.Tests.Silo.TestJobs;

/// <summary>Registers the test job types, the way a pipeline registers its own.</summary>
public static class TestJobTypes
{
    /// <summary>An empty parameters object: the test job types take none.</summary>
    public static readonly JsonElement NoParameters = JsonDocument.Parse("{}").RootElement;

    public static void Register(IServiceCollection services)
    {
        services.AddJobType<QuestionJobRunner>(QuestionJobRunner.TypeName, "Test: progress, one question, a result.");
        services.AddJobType<FailingJobRunner>(FailingJobRunner.TypeName, "Test: fails in the way its parameters ask.");
        services.AddJobType<WaitingJobRunner>(WaitingJobRunner.TypeName, "Test: waits until cancelled.");
    }
}
