using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using PiiOrleans.Pii.Configuration;
using PiiOrleans.Pii.Detection;
using PiiOrleans.Pii.Detection.Ner;
using PiiOrleans.Pii.Engine;

namespace PiiOrleans.Silo.Gateway.Presidio;

/// <summary>
/// Registers the silo-wide <see cref="PiiEngine"/> the Presidio endpoints use: configured by the file at
/// <c>Pii:ConfigPath</c> (built-in defaults when unset), plus every <see cref="IEntityRecognizer"/> registered in the
/// container, or, when none is and the configuration enables NER, the default NER model and gazetteer; and the
/// <see cref="PresidioLimits"/> of one request (<c>Silo:MaxTextLength</c>, <c>Silo:AnalysisTimeoutSeconds</c>).
/// </summary>
public static class PiiEngineServiceCollectionExtensions
{
    /// <summary>The configuration key of the PII configuration file (<c>PIIORLEANS_Pii__ConfigPath</c>).</summary>
    public const string ConfigPathKey = "Pii:ConfigPath";

    /// <summary>Adds the engine unless one is registered already.</summary>
    public static IServiceCollection AddPiiEngine(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(PresidioLimits.From(configuration));
        services.TryAddSingleton(provider =>
        {
            var settings = PiiSettingsLoader.LoadOrDefault(configuration[ConfigPathKey]);
            IEnumerable<IEntityRecognizer> recognizers = provider.GetServices<IEntityRecognizer>();
            if (settings.Ner.Enabled && !recognizers.Any())
            {
                // Names, places and organisations from the NER model; a model that cannot load fails the engine (no
                // silent downgrade): NerModelException says which directory and how to turn NER off. Concurrent
                // requests each run the model on one thread, as many at once as cores (NerModel.ConcurrentRuns), as
                // the tables job does: small batches spread poorly over threads, and ORT's arena stays bounded.
                recognizers = NamedEntityRecognizerSet.Load(
                    new Pii.Detection.Ner.NerSettings(ModelDirectory: settings.Ner.ModelPath, IntraOpThreads: 1, MinScore: settings.Ner.MinScore)).Recognizers;
            }

            return PiiEngine.Create(settings, recognizers);
        });
        return services;
    }
}
