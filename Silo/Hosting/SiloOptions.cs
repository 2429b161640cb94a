namespace PiiOrleans.Silo.Hosting;

/// <summary>Where and how the silo listens and logs (configuration section <c>Silo</c>).</summary>
public sealed class SiloOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Silo";

    /// <summary>The address the gateway binds to; 127.0.0.1 by default so a silo is not reachable from other machines.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>The gateway's TCP port; 0 picks a free port.</summary>
    public int Port { get; set; } = 5080;

    /// <summary>Explicit listen URLs (semicolon-separated, e.g. <c>http://0.0.0.0:8080</c>); override Host and Port when set.</summary>
    public string? Urls { get; set; }

    /// <summary>The Orleans silo-to-silo port.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>The Orleans gateway port (where <c>piiorleans --gateway</c> connects).</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The Orleans cluster id (silos and clients of one cluster share it).</summary>
    public string ClusterId { get; set; } = "piiorleans";

    /// <summary>Serve the Orleans Dashboard under <c>/dashboard</c> on the HTTP port (off by default).</summary>
    public bool Dashboard { get; set; }

    /// <summary>Let the dashboard answer requests from other machines (it has no authentication of its own).</summary>
    public bool DashboardAllowRemote { get; set; }

    /// <summary>The pool's Redis (<c>redis://HOST:PORT</c>): membership, job state and reminders. Null = one silo, localhost clustering.</summary>
    public string? Cluster { get; set; }

    /// <summary>
    /// Run as a Kubernetes pod (<c>UseKubernetesHosting</c>): the pod's IP and name come from POD_IP/POD_NAME/POD_NAMESPACE,
    /// and silos whose pods are gone are declared dead at once. Needs <see cref="Cluster"/> (membership stays in Redis).
    /// </summary>
    public bool Kubernetes { get; set; }

    /// <summary>The address other silos and clients reach this pool member on (default: this host's first IPv4 address).</summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>Console log format: <c>simple</c> (one line per entry) or <c>json</c> (for containers).</summary>
    public string LogFormat { get; set; } = "simple";

    /// <summary>Folders job inputs and outputs must lie in (<c>--data-root DIR</c>, repeatable); none: the silo accepts no job paths.</summary>
    public string[] DataRoots { get; set; } = [];

    /// <summary>The key job endpoints require (<c>X-Api-Key</c> or <c>Authorization: Bearer</c>); required when listening beyond loopback.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Host header names accepted besides loopback names and the bound address (DNS-rebinding defence).</summary>
    public string[] AllowedHosts { get; set; } = [];

    /// <summary>Browser origins allowed to call the API (none by default: a web page cannot drive jobs).</summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>Largest request body in bytes (Kestrel answers 413 above it).</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}
