using PiiOrleans.Grains.Interfaces.Jobs;

namespace PiiOrleans.Grains.Interfaces.Tracks;

/// <summary>Exit codes of <c>tracks anonymize</c> beyond the generic <see cref="JobExitCodes"/>.</summary>
public static class TracksExitCodes
{
    /// <summary>Questions are unanswered and no terminal could ask them; nothing was written (same as <see cref="JobExitCodes.Unanswered"/>).</summary>
    public const int UnansweredQuestions = JobExitCodes.Unanswered;

    /// <summary>The pseudonym pools cannot hold the names the plan needs; nothing was written.</summary>
    public const int PoolExhausted = 6;
}
