using Microsoft.Extensions.DependencyInjection;
using PiiOrleans.Grains.Tables;
using PiiOrleans.Grains.Tracks;
using PiiOrleans.Tables;
using PiiOrleans.Tracks.Writing;

namespace PiiOrleans.Silo.Hosting;

/// <summary>The one place where the pipelines' job types are added to a silo. Each pipeline adds its line here.</summary>
public static class PipelineRegistrations
{
    /// <summary>Registers every pipeline's job types and services.</summary>
    public static IServiceCollection AddPipelines(this IServiceCollection services)
    {
        services.AddTablesPipeline();
        services.AddTracksPipeline();
        return services;
    }
}
