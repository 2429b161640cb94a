namespace PiiOrleans.Silo.Tee;

/// <summary>The container environment is invalid; carries the exit code the old job used for this case.</summary>
public sealed class TeeParameterException(int exitCode, string message) : Exception(message)
{
    /// <summary>The process exit code.</summary>
    public int ExitCode { get; } = exitCode;
}
