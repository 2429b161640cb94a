namespace PiiOrleans.Tracks;

/// <summary>Exit codes of <c>tracks anonymize</c> beyond the generic job codes (0 success, 1 bad parameters, 3 failed, 4 cancelled).</summary>
public static class TracksExitCodes
{
    /// <summary>Questions are unanswered and no terminal could ask them; nothing was written (the generic "unanswered" code).</summary>
    public const int UnansweredQuestions = 5;

    /// <summary>The pseudonym pools cannot hold the names the plan needs; nothing was written.</summary>
    public const int PoolExhausted = 6;
}
