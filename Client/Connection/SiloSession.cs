using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using PiiOrleans.Silo.Hosting;

namespace PiiOrleans.Client.Connection;

/// <summary>
/// A connection to a silo for the length of one command: a remote silo (<c>--silo URL</c>), or an embedded one that
/// this session starts in-process on 127.0.0.1 with a free port and stops on dispose. Either way it is spoken to over HTTP.
/// </summary>
public sealed class SiloSession : IAsyncDisposable
{
    private readonly WebApplication? _embedded;

    private SiloSession(SiloConnection connection, WebApplication? embedded)
    {
        Connection = connection;
        _embedded = embedded;
    }

    /// <summary>The HTTP connection to the silo.</summary>
    public SiloConnection Connection { get; }

    /// <summary>True when the silo runs inside this process (it ends with the command).</summary>
    public bool IsEmbedded => _embedded is not null;

    /// <summary>Connects to the silo at <paramref name="address"/>; fails with <see cref="SiloUnavailableException"/> when it does not answer.</summary>
    public static async Task<SiloSession> ConnectAsync(Uri address, CancellationToken cancellationToken)
    {
        var connection = new SiloConnection(address);
        if (!await connection.IsHealthyAsync(cancellationToken).ConfigureAwait(false))
        {
            connection.Dispose();
            throw new SiloUnavailableException(
                $"No healthy silo answers at {address}. Start one with 'piiorleans serve', or leave out --silo to run a silo in-process.");
        }

        return new SiloSession(connection, null);
    }

    /// <summary>Starts a silo in this process and connects to it. <paramref name="configureServices"/> adds services (tests add job types).</summary>
    public static async Task<SiloSession> StartEmbeddedAsync(Action<IServiceCollection>? configureServices, CancellationToken cancellationToken)
    {
        var app = SiloHost.Create(new SiloHostSettings { Embedded = true, ConfigureServices = configureServices });
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var address = SiloHost.GetGatewayAddress(app.Services)
                ?? throw new SiloUnavailableException("The in-process silo started without a gateway address.");
            return new SiloSession(new SiloConnection(address), app);
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
        if (_embedded is not null)
        {
            await _embedded.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await _embedded.DisposeAsync().ConfigureAwait(false);
        }
    }
}
