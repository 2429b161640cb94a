using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PiiOrleans.Grains.Jobs;
using PiiOrleans.Grains.Security;
using PiiOrleans.Pii.Engine;
using PiiOrleans.Tracks.Writing;

namespace PiiOrleans.Grains.Tracks;

/// <summary>Registers the tracks pipeline with a silo.</summary>
public static class TracksServiceCollectionExtensions
{
    /// <summary>Adds job type "tracks" and the services its grains need (grain classes come from this assembly).</summary>
    public static IServiceCollection AddTracksPipeline(this IServiceCollection services)
    {
        // Fail closed: a host that does not say which folders jobs may use gets none.
        services.TryAddSingleton(JobDataRoots.None);
        // --scan-pii uses an explicitly registered text engine, else the silo's PII engine when one is configured.
        services.TryAddSingleton(provider => new TrackRewriteSessions(
            provider.GetService<ITrackTextEngine>() ?? (provider.GetService<PiiEngine>() is { } engine ? new PiiEngineTrackTextEngine(engine) : null)));
        services.AddJobType<TracksJobRunner>("tracks", "Anonymize a TREC-style track export (teams → T###, runs → plantimals).");
        return services;
    }
}
