namespace PiiOrleans.Silo.Tee;

/// <summary>
/// Timeouts and retries of the Query Engine client. Defaults are the old job's constants (poll 150 s every 5 s,
/// 30 s per request, 60 s per download) plus retries on transient failures, which the old job did not have.
/// </summary>
public sealed record QueryEngineOptions
{
    /// <summary>How long to poll for a terminal status.</summary>
    public TimeSpan PollTimeout { get; init; } = TimeSpan.FromSeconds(150);

    /// <summary>Pause between polls.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Timeout of one submit or poll request.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Timeout of one download attempt.</summary>
    public TimeSpan DownloadTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries after a transient failure (connection error, timeout, 408, 429, 5xx).</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>First retry delay; doubles on each further retry.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);
}
