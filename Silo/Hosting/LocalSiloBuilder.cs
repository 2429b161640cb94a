using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Hosting;
using PiiOrleans.Grains.Jobs;

namespace PiiOrleans.Silo.Hosting;

/// <summary>
/// A bare silo in this process, without Kestrel: localhost clustering on free loopback ports, the grains' storage and
/// serializers, the job infrastructure, no logging. The TEE mode, the test clusters and the benchmarks host one.
/// </summary>
public static class LocalSiloBuilder
{
    /// <summary>The builder; add the pipelines and other services before building. <paramref name="responseTimeout"/> overrides Orleans' 30 s.</summary>
    public static HostApplicationBuilder Create(TimeSpan? responseTimeout = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(FreePort.Next(), FreePort.Next());
            silo.AddPiiOrleansGrains();
            if (responseTimeout is { } timeout)
            {
                silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = timeout);
            }
        });
        builder.Services.AddJobs();
        return builder;
    }
}
