using StackExchange.Redis;

namespace PiiOrleans.Silo.Hosting;

/// <summary>
/// The <c>--cluster</c> value of a pool: <c>redis://HOST:PORT</c> (Redis holds membership, job state and reminders).
/// Parsed once, so a typo stops the silo or the client with a message instead of a silent single-silo run.
/// </summary>
public sealed record PoolCluster(string Host, int Port)
{
    /// <summary>The StackExchange.Redis options for this server.</summary>
    public ConfigurationOptions RedisOptions()
    {
        var options = new ConfigurationOptions { AbortOnConnectFail = false, ConnectTimeout = 5_000 };
        options.EndPoints.Add(Host, Port);
        return options;
    }

    /// <summary>Parses <paramref name="text"/>; null for no cluster; <see cref="SiloConfigurationException"/> when malformed.</summary>
    public static PoolCluster? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != "redis" || string.IsNullOrEmpty(uri.Host))
        {
            throw new SiloConfigurationException(
                $"Silo:Cluster (--cluster) is '{text}'; give the pool's Redis as redis://HOST:PORT (e.g. redis://127.0.0.1:6379).");
        }

        return new PoolCluster(uri.Host, uri.IsDefaultPort || uri.Port <= 0 ? 6379 : uri.Port);
    }

    /// <inheritdoc />
    public override string ToString() => $"redis://{Host}:{Port}";
}
