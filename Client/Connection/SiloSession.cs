using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Serialization;
using PiiOrleans.Grains.Interfaces.Jobs;
using PiiOrleans.Silo.Hosting;

namespace PiiOrleans.Client.Connection;

/// <summary>
/// A connection to a silo for the length of one command: an embedded silo that this session starts in-process (the
/// default), an Orleans client of a running silo or pool (<c>--gateway HOST:PORT</c>), or a silo's HTTP API
/// (<c>--silo URL</c>). The first two speak to the job grains directly.
/// </summary>
public sealed class SiloSession : IAsyncDisposable
{
    private readonly IAsyncDisposable? _owner;

    private SiloSession(IJobConnection connection, IAsyncDisposable? owner, bool embedded, IGrainFactory? grains = null)
    {
        Connection = connection;
        _owner = owner;
        IsEmbedded = embedded;
        Grains = grains;
    }

    /// <summary>The cluster's grains, when the session speaks Orleans (embedded, <c>--gateway</c>, <c>--cluster</c>); null over HTTP.</summary>
    public IGrainFactory? Grains { get; }

    /// <summary>The link to the silo's jobs.</summary>
    public IJobConnection Connection { get; }

    /// <summary>True when the silo runs inside this process (it ends with the command).</summary>
    public bool IsEmbedded { get; }

    /// <summary>Connects to the silo's HTTP API at <paramref name="address"/>; <see cref="SiloUnreachableException"/> when it does not answer.</summary>
    public static async Task<SiloSession> ConnectAsync(Uri address, CancellationToken cancellationToken, string? apiKey = null)
    {
        var connection = new SiloConnection(address, apiKey: apiKey);
        if (!await connection.IsHealthyAsync(cancellationToken).ConfigureAwait(false))
        {
            connection.Dispose();
            throw new SiloUnreachableException(
                $"No healthy silo answers at {address}. Start one with 'piiorleans serve', or leave out --silo to run a silo in-process.");
        }

        return new SiloSession(connection, null, embedded: false);
    }

    /// <summary>Connects as an Orleans client to the gateway at <paramref name="gateway"/> of cluster <paramref name="clusterId"/>.</summary>
    public static Task<SiloSession> ConnectGatewayAsync(IPEndPoint gateway, string clusterId, CancellationToken cancellationToken) =>
        ConnectClientAsync(client => client.UseStaticClustering(gateway), clusterId, $"gateway {gateway}",
            "Start one with 'piiorleans serve', or leave out --gateway to run a silo in-process.", cancellationToken);

    /// <summary>Connects as an Orleans client to the pool whose membership is in <paramref name="pool"/>'s Redis (any live gateway).</summary>
    public static Task<SiloSession> ConnectPoolAsync(PoolCluster pool, string clusterId, CancellationToken cancellationToken) =>
        ConnectClientAsync(client => client.UseRedisClustering(o => o.ConfigurationOptions = pool.RedisOptions()), clusterId, $"pool {pool}",
            "Start the pool's silos with 'piiorleans serve --cluster …', or check --cluster and --cluster-id.", cancellationToken);

    private static async Task<SiloSession> ConnectClientAsync(Action<IClientBuilder> clustering, string clusterId, string describe, string advice,
        CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client =>
        {
            clustering(client);
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clusterId;
                o.ServiceId = SiloHost.ServiceId;
            });
            client.Services.AddSerializer(s => s.AddJobPayloads());
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            host.Dispose();
            throw new SiloUnreachableException($"No silo of {describe} (cluster '{clusterId}') answers: {e.GetType().Name}. {advice}");
        }

        var grains = host.Services.GetRequiredService<IClusterClient>();
        return new SiloSession(new GrainJobConnection(grains, describe), new HostLifetime(host), embedded: false, grains);
    }

    /// <summary>Starts a silo in this process and connects to its grains. <paramref name="configureServices"/> adds services (tests add job types).</summary>
    public static async Task<SiloSession> StartEmbeddedAsync(Action<IServiceCollection>? configureServices, CancellationToken cancellationToken)
    {
        var app = SiloHost.Create(new SiloHostSettings { Embedded = true, ConfigureServices = configureServices });
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var grains = app.Services.GetRequiredService<IGrainFactory>();
            return new SiloSession(new GrainJobConnection(grains, "the in-process silo"), new AppLifetime(app), embedded: true, grains);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Connection.Dispose();
        if (_owner is not null)
        {
            await _owner.DisposeAsync().ConfigureAwait(false);
        }
    }

    private sealed class AppLifetime(WebApplication app) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private sealed class HostLifetime(IHost host) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
            host.Dispose();
        }
    }
}
