using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PiiOrleans.Grains.Jobs;

/// <summary>Registers the job infrastructure and job types with a silo's services.</summary>
public static class JobServiceCollectionExtensions
{
    /// <summary>Adds the job catalog and options that <see cref="JobGrain"/> and the gateway use. Safe to call more than once.</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        services.AddOptions<JobOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<JobTypeCatalog>();
        return services;
    }

    /// <summary>
    /// Registers job type <paramref name="name"/> run by <typeparamref name="TRunner"/> (created per job from DI, in its own scope).
    /// This is the one line a pipeline needs to become submittable through <c>POST /jobs</c>.
    /// </summary>
    public static IServiceCollection AddJobType<TRunner>(this IServiceCollection services, string name, string description)
        where TRunner : class, IJobRunner
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        services.AddJobs();
        services.TryAddTransient<TRunner>();
        services.AddSingleton(new JobTypeRegistration(name, typeof(TRunner), description));
        return services;
    }
}
