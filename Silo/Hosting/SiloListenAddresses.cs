using System.Net;

namespace PiiOrleans.Silo.Hosting;

/// <summary>Whether the gateway's configured addresses reach beyond this machine (then an API key is required).</summary>
public static class SiloListenAddresses
{
    /// <summary>True when Silo:Urls or Silo:Host names anything but loopback (0.0.0.0, *, a LAN address, a host name).</summary>
    public static bool BeyondLoopback(SiloOptions silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        if (string.IsNullOrWhiteSpace(silo.Urls))
        {
            return !IsLoopback(silo.Host);
        }

        foreach (var url in silo.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // Kestrel accepts wildcards that Uri does not parse: http://*:80, http://+:80.
            var host = Uri.TryCreate(url.Replace("://*", "://any-host", StringComparison.Ordinal).Replace("://+", "://any-host", StringComparison.Ordinal),
                UriKind.Absolute, out var uri) ? uri.Host : url;
            if (!IsLoopback(host))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLoopback(string host)
    {
        var name = host.Trim('[', ']');
        return name.Equals("localhost", StringComparison.OrdinalIgnoreCase) || IPAddress.TryParse(name, out var address) && IPAddress.IsLoopback(address);
    }
}
