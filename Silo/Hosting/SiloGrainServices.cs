using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Serialization;
using PiiOrleans.Grains.Interfaces.Jobs;
using PiiOrleans.Grains.Jobs;
using PiiOrleans.Silo.Gateway.Presidio;

namespace PiiOrleans.Silo.Hosting;

/// <summary>
/// What every silo of ours needs, whoever hosts it (the serve verb, the TEE mode, the client's embedded silo, the
/// test clusters): grain storage for jobs, the payload serializers, the job types and the engine services.
/// </summary>
public static class SiloGrainServices
{
    /// <summary>
    /// Adds grain storage and serializers to <paramref name="silo"/> (clustering is the host's choice). Memory storage for
    /// job state unless <paramref name="memoryStorage"/> is false (a pool registers Redis storage under the same name).
    /// </summary>
    public static ISiloBuilder AddPiiOrleansGrains(this ISiloBuilder silo, bool memoryStorage = true)
    {
        ArgumentNullException.ThrowIfNull(silo);
        if (memoryStorage)
        {
            silo.AddMemoryGrainStorage(JobStorage.Name);
            // The resume reminder of running jobs (a pool registers Redis reminders instead).
            silo.UseInMemoryReminderService();
        }

        // Orleans sizes its grain-location cache for a million grains up front (two ~9 MB arrays, measured in a TEE job's
        // allocations). A job addresses a few grains per table or file (batch workers are local stateless workers), so
        // 20,000 locations are ample for a pool and save ~18 MB in every silo; a miss only costs a directory lookup.
        silo.Configure<GrainDirectoryOptions>(o => o.CacheSize = 20_000);
        silo.Services.AddSerializer(s => s.AddJobPayloads());
        return silo;
    }

    /// <summary>Adds the job catalog, the pipelines and the engine the grains resolve.</summary>
    public static IServiceCollection AddPiiOrleansServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddJobs();
        services.AddPipelines();
        services.AddPiiEngine(configuration);
        return services;
    }
}
