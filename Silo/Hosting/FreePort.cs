using System.Net;
using System.Net.Sockets;

namespace PiiOrleans.Silo.Hosting;

/// <summary>Picks a free TCP port on loopback (Orleans needs explicit ports; an embedded silo must not clash).</summary>
public static class FreePort
{
    /// <summary>A port that was free a moment ago.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
