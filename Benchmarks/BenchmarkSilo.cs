using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Hosting;
using PiiOrleans.Grains.Jobs;
using PiiOrleans.Silo.Hosting;

namespace PiiOrleans.Benchmarks;

/// <summary>One Orleans silo in the benchmark's process (free loopback ports), with the job infrastructure and what the benchmark adds.</summary>
public static class BenchmarkSilo
{
    /// <summary>Builds and starts the silo host.</summary>
    public static async Task<IHost> StartAsync(Action<IServiceCollection> services)
    {
        var builder = LocalSiloBuilder.Create(responseTimeout: TimeSpan.FromMinutes(5));
        // The benchmark is its user's own tool on its own files, like the embedded client: no data-root confinement.
        builder.Services.AddSingleton(PiiOrleans.Grains.Security.JobDataRoots.Unrestricted);
        services(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
