using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace PiiOrleans.Runtime.Testing;

/// <summary>
/// An in-process silo for tests (Orleans: <c>TestCluster</c> from Orleans.TestingHost). Dispose it to stop the
/// host, which deactivates every activation.
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    private bool disposed;

    private TestCluster(IHost host) => Host = host;

    /// <summary>The started host.</summary>
    public IHost Host { get; }

    /// <summary>The host's service provider.</summary>
    public IServiceProvider Services => Host.Services;

    /// <summary>The silo's grain factory.</summary>
    public IGrainFactory GrainFactory => Host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>The gateway address when the host registered an <see cref="IGatewayAddress"/>, else null.</summary>
    public Uri? GatewayAddress => Host.Services.GetService<IGatewayAddress>()?.Address;

    /// <summary>Starts the host <paramref name="hostFactory"/> builds; it must call <c>AddGrainRuntime</c>.</summary>
    public static async Task<TestCluster> StartAsync(Func<IHost> hostFactory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hostFactory);
        var host = hostFactory();
        try
        {
            if (host.Services.GetService<IGrainFactory>() is null)
            {
                throw new InvalidOperationException("The test host has no grain runtime; call services.AddGrainRuntime(...) when building it.");
            }

            await host.StartAsync(cancellationToken);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new TestCluster(host);
    }

    /// <summary>Starts a plain application host with the grain runtime, extra services and runtime options.</summary>
    public static Task<TestCluster> StartAsync(
        Action<IServiceCollection>? configureServices, Action<GrainRuntimeOptions>? configureRuntime, CancellationToken cancellationToken = default) =>
        StartAsync(
            () =>
            {
                var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
                configureServices?.Invoke(builder.Services);
                builder.Services.AddGrainRuntime(configureRuntime);
                return builder.Build();
            },
            cancellationToken);

    /// <summary>Stops the host (deactivating all activations) and disposes it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        try
        {
            await Host.StopAsync();
        }
        finally
        {
            Host.Dispose();
        }
    }
}
