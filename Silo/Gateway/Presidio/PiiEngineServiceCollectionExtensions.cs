using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PiiOrleans.Pii.Configuration;
using PiiOrleans.Pii.Detection;
using PiiOrleans.Pii.Engine;

namespace PiiOrleans.Silo.Gateway.Presidio;

/// <summary>
/// Registers the silo-wide <see cref="PiiEngine"/> the Presidio endpoints use: configured by the file at
/// <c>Pii:ConfigPath</c> (built-in defaults when unset), plus every <see cref="IEntityRecognizer"/> registered in the
/// container (NER, gazetteers).
/// </summary>
public static class PiiEngineServiceCollectionExtensions
{
    /// <summary>The configuration key of the PII configuration file (<c>PIIORLEANS_Pii__ConfigPath</c>).</summary>
    public const string ConfigPathKey = "Pii:ConfigPath";

    /// <summary>Adds the engine unless one is registered already.</summary>
    public static IServiceCollection AddPiiEngine(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(provider =>
        {
            var settings = PiiSettingsLoader.LoadOrDefault(configuration[ConfigPathKey]);
            return PiiEngine.Create(settings, provider.GetServices<IEntityRecognizer>());
        });
        return services;
    }
}
