namespace PiiOrleans.Grains.Jobs;

/// <summary>
/// A runner's way to fail its job with a safe message (no PII) and its own exit code, e.g. a failed privacy check.
/// Other exceptions fail the job with exit code 3 and only their type name.
/// </summary>
public sealed class JobFailedException(string message, int exitCode) : Exception(message)
{
    /// <summary>The exit code the client and one-shot hosts return.</summary>
    public int ExitCode { get; } = exitCode;
}
