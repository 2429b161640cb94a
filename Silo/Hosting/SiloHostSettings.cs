using Microsoft.Extensions.DependencyInjection;

namespace PiiOrleans.Silo.Hosting;

/// <summary>What <see cref="SiloHost.CreateBuilder"/> needs besides configuration: the arguments and test or embedding hooks.</summary>
public sealed class SiloHostSettings
{
    /// <summary>Command-line arguments (configuration overrides such as <c>--port 0</c> or <c>--Jobs:EventLogCapacity=100</c>).</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>Extra service registrations, applied after the pipelines (tests register their job types here).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>
    /// In-process silo of the client: binds 127.0.0.1 on a free port whatever the configuration says, and logs only
    /// warnings, to standard error, so the client's own output stays clean.
    /// </summary>
    public bool Embedded { get; init; }
}
