namespace PiiOrleans.Tables;

/// <summary>Process exit codes of a tables job (the TEE container contract and the client propagate them).</summary>
public static class TablesExitCodes
{
    /// <summary>The output and report were published.</summary>
    public const int Success = 0;

    /// <summary>Bad parameters: missing input, input = output, invalid configuration file, bad environment values.</summary>
    public const int BadParameters = 1;

    /// <summary>The Query Engine could not produce the input (TEE production mode).</summary>
    public const int QueryEngineFailure = 2;

    /// <summary>The pipeline failed (input not a database, invalid text, constraint that cannot be met, I/O).</summary>
    public const int PipelineFailure = 3;

    /// <summary>The job was stopped before it finished (SIGTERM, Ctrl+C, or a cancel from the client); nothing was published.</summary>
    public const int Cancelled = 4;

    /// <summary>The privacy check found PII left in clear; nothing was published (6: 4 and 5 are the client's cancelled/unanswered).</summary>
    public const int PrivacyCheckFailed = 6;
}
