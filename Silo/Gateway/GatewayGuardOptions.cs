namespace PiiOrleans.Silo.Gateway;

/// <summary>What <see cref="GatewayGuard"/> enforces, read once from the silo's configuration.</summary>
public sealed record GatewayGuardOptions(
    string? ApiKey,
    IReadOnlyList<string> AllowedHosts,
    IReadOnlyList<string> AllowedOrigins,
    long MaxRequestBodyBytes,
    bool ListensBeyondLoopback);
