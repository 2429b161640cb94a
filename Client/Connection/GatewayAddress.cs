using System.Globalization;
using System.Net;

namespace PiiOrleans.Client.Connection;

/// <summary>Parses <c>--gateway HOST:PORT</c> into the endpoint an Orleans client connects to.</summary>
public static class GatewayAddress
{
    /// <summary>Resolves <paramref name="text"/> (an IP or host name, a colon, a port); <see cref="ClientUsageException"/> when malformed.</summary>
    public static async Task<IPEndPoint> ResolveAsync(string text, CancellationToken cancellationToken)
    {
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new ClientUsageException($"--gateway '{text}' is not HOST:PORT; use e.g. --gateway 127.0.0.1:30000.");
        }

        var host = text[..colon].Trim('[', ']');
        if (IPAddress.TryParse(host, out var address))
        {
            return new IPEndPoint(address, port);
        }

        try
        {
            var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
            var chosen = addresses.FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork) ?? addresses.FirstOrDefault();
            return chosen is null
                ? throw new ClientUsageException($"--gateway host '{host}' has no address.")
                : new IPEndPoint(chosen, port);
        }
        catch (System.Net.Sockets.SocketException)
        {
            throw new ClientUsageException($"--gateway host '{host}' cannot be resolved; give an IP address or a known host name.");
        }
    }
}
