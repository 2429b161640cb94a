using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PiiOrleans.Runtime.Hosting;
using PiiOrleans.Runtime.Internal;

namespace PiiOrleans.Runtime;

/// <summary>Registers the grain runtime in a host (Orleans: <c>UseOrleans</c> / <c>AddOrleans</c>).</summary>
public static class GrainRuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Adds the grain runtime: <see cref="IGrainFactory"/> and the silo life cycle. Options come from configuration section
    /// <c>GrainRuntime</c> (when an IConfiguration is registered), then <paramref name="configure"/>.
    /// </summary>
    public static IServiceCollection AddGrainRuntime(this IServiceCollection services, Action<GrainRuntimeOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddLogging();
        services.AddMetrics();
        services.AddOptions<GrainRuntimeOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<GrainRuntimeOptions>, GrainRuntimeOptionsSetup>());
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton<GrainRuntime>();
        services.TryAddSingleton<IGrainFactory>(provider => provider.GetRequiredService<GrainRuntime>().Factory);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, GrainRuntimeHostedService>());
        return services;
    }
}
