namespace PiiOrleans.Grains.Interfaces.Tracks;

/// <summary>Exit codes of <c>tracks anonymize</c> beyond 0 (success) and 1 (bad parameters or input).</summary>
public static class TracksExitCodes
{
    /// <summary>Questions are unanswered and no terminal could ask them; nothing was written.</summary>
    public const int UnansweredQuestions = 3;

    /// <summary>The pseudonym pools cannot hold the names the plan needs; nothing was written.</summary>
    public const int PoolExhausted = 4;
}
