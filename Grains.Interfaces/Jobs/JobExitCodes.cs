namespace PiiOrleans.Grains.Interfaces.Jobs;

/// <summary>Process exit codes shared by the client and the silo's one-shot modes. Jobs may return their own codes (above 9).</summary>
public static class JobExitCodes
{
    /// <summary>The job succeeded.</summary>
    public const int Success = 0;

    /// <summary>Bad command-line arguments or job parameters.</summary>
    public const int InvalidParameters = 1;

    /// <summary>The silo could not be reached, or the job does not exist.</summary>
    public const int Unavailable = 2;

    /// <summary>The job failed.</summary>
    public const int Failed = 3;

    /// <summary>The job was cancelled (Ctrl+C or a cancel request).</summary>
    public const int Cancelled = 4;

    /// <summary>The job asked questions that nobody answered (no terminal and no answers supplied).</summary>
    public const int Unanswered = 5;
}
