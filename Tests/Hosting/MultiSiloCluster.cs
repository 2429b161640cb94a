using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.TestingHost;
using PiiOrleans.Grains.Interfaces.Jobs;
using PiiOrleans.Grains.Jobs;
using PiiOrleans.Silo.Hosting;

namespace PiiOrleans.Tests.Hosting;

/// <summary>
/// An Orleans <see cref="InProcessTestCluster"/> of N silos configured as the product's silos are (grain storage, payload
/// serializers, job types, engines), each with its own services: a grain that relied on a singleton filled by a grain
/// on another silo would find it empty here.
/// </summary>
public static class MultiSiloCluster
{
    /// <summary>Builds and deploys a cluster of <paramref name="silos"/> silos.</summary>
    /// <summary>
    /// With <paramref name="redis"/>, job state and reminders live in that Redis as in a pool, so they survive a killed
    /// silo (memory storage dies with the silo that holds it).
    /// </summary>
    public static async Task<InProcessTestCluster> StartAsync(short silos, string? redis = null)
    {
        var builder = new InProcessTestClusterBuilder(silos);
        builder.Options.ConfigureFileLogging = false;
        var configuration = new ConfigurationBuilder().Build();
        builder.ConfigureSilo((_, silo) =>
        {
            if (redis is null)
            {
                silo.AddPiiOrleansGrains();
            }
            else
            {
                silo.AddPoolStorage(PoolCluster.Parse(redis)!);
                silo.AddPiiOrleansGrains(memoryStorage: false);
            }

            silo.Services.AddPiiOrleansServices(configuration);
            // The test's temporary folders are the job paths; the data-root check has its own tests.
            silo.Services.AddSingleton(PiiOrleans.Grains.Security.JobDataRoots.Unrestricted);
        });
        builder.ConfigureClient(client => client.Services.AddSerializer(s => s.AddJobPayloads()));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    /// <summary>Submits a job through the cluster's client and waits for its final status.</summary>
    public static async Task<JobStatus> RunJobAsync(InProcessTestCluster cluster, string type, object parameters, TimeSpan timeout)
    {
        var id = "job-" + Guid.NewGuid().ToString("N")[..12];
        var job = cluster.Client.GetGrain<IJobGrain>(id);
        await job.Start(new JobSubmission(type, System.Text.Json.JsonSerializer.SerializeToElement(parameters)));
        return await job.WaitForCompletionAsync().WaitAsync(timeout);
    }
}
