using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace PiiOrleans.Runtime.Hosting;

/// <summary>Binds <see cref="GrainRuntimeOptions"/> from the configuration section <c>GrainRuntime</c> when the host has a configuration.</summary>
internal sealed class GrainRuntimeOptionsSetup(IServiceProvider services) : IConfigureOptions<GrainRuntimeOptions>
{
    public const string SectionName = "GrainRuntime";

    public void Configure(GrainRuntimeOptions options)
    {
        if (services.GetService(typeof(IConfiguration)) is IConfiguration configuration)
        {
            var section = configuration.GetSection(SectionName);
            options.CallTimeout = ReadTimeSpan(section, nameof(options.CallTimeout), options.CallTimeout);
            options.IdleDeactivationAge = ReadTimeSpan(section, nameof(options.IdleDeactivationAge), options.IdleDeactivationAge);
            options.IdleCollectionInterval = ReadTimeSpan(section, nameof(options.IdleCollectionInterval), options.IdleCollectionInterval);
        }
    }

    private static TimeSpan ReadTimeSpan(IConfigurationSection section, string name, TimeSpan fallback)
    {
        var text = section[name];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new GrainRegistrationException($"Configuration value {SectionName}:{name} is '{text}', not a time span; write it as hh:mm:ss (for example 00:01:00).");
    }
}
