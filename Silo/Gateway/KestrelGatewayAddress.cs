using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace PiiOrleans.Silo.Gateway;

/// <summary>The gateway address as Kestrel bound it (so port 0 resolves to the real port), for tests and the embedded client.</summary>
internal static class KestrelGatewayAddress
{
    internal static Uri? From(IServer server)
    {
        var bound = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (bound is null || !Uri.TryCreate(bound, UriKind.Absolute, out var uri))
        {
            return null;
        }

        // A wildcard binding is reachable on loopback; clients cannot connect to 0.0.0.0 or [::].
        var host = uri.Host is "0.0.0.0" or "[::]" or "+" or "*" ? "127.0.0.1" : uri.Host;
        return new UriBuilder(uri.Scheme, host, uri.Port, "/").Uri;
    }
}
