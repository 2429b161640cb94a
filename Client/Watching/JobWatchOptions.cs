using PiiOrleans.Grains.Interfaces.Jobs;

namespace PiiOrleans.Client.Watching;

/// <summary>How <see cref="JobWatcher"/> answers questions and what it does when it cannot.</summary>
public sealed class JobWatchOptions
{
    /// <summary>
    /// Answers questions without asking (e.g. from <c>--answers FILE.json</c>); returns null to leave a question to the
    /// terminal prompt, or unanswered when there is no terminal.
    /// </summary>
    public Func<JobQuestion, string?>? AnswerProvider { get; init; }

    /// <summary>Cancel the job when questions stay unanswered (set for embedded silos, which end with the client anyway).</summary>
    public bool CancelWhenUnanswered { get; init; }

    /// <summary>Events after this sequence are shown (0 = all that the silo still holds).</summary>
    public long AfterSequence { get; init; }
}
