using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Hosting;
using PiiOrleans.Grains.Jobs;
using PiiOrleans.Silo.Hosting;

namespace PiiOrleans.Tests.Hosting;

/// <summary>
/// A real Orleans silo in the test process: either the product's own silo host (Kestrel + Orleans, as <c>serve</c> runs
/// it) or a bare silo with the grains and the services a test registers. Ports are free loopback ports.
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    private readonly IHost? _host;
    private readonly WebApplication? _app;

    private TestCluster(IHost? host, WebApplication? app)
    {
        _host = host;
        _app = app;
    }

    public IServiceProvider Services => _app?.Services ?? _host!.Services;

    public IGrainFactory GrainFactory => Services.GetRequiredService<IGrainFactory>();

    /// <summary>The HTTP gateway of a silo host (null for a bare silo).</summary>
    public Uri? GatewayAddress => _app is null ? null : SiloHost.GetGatewayAddress(_app.Services);

    /// <summary>Starts the silo host that <paramref name="create"/> builds.</summary>
    public static async Task<TestCluster> StartAsync(Func<WebApplication> create)
    {
        var app = create();
        await app.StartAsync();
        return new TestCluster(null, app);
    }

    /// <summary>Starts a bare silo with the job infrastructure and what <paramref name="services"/> adds.</summary>
    public static async Task<TestCluster> StartAsync(Action<IServiceCollection> services)
    {
        var builder = LocalSiloBuilder.Create(responseTimeout: TimeSpan.FromSeconds(30));
        services(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return new TestCluster(host, null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }
    }
}
