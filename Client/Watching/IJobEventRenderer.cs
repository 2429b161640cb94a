using PiiOrleans.Grains.Interfaces.Jobs;

namespace PiiOrleans.Client.Watching;

/// <summary>Shows a job's events to the user: plain lines, or Spectre.Console progress bars and prompts.</summary>
public interface IJobEventRenderer : IAsyncDisposable
{
    /// <summary>True when <see cref="PromptAsync"/> can ask a person (a terminal is attached).</summary>
    bool CanPrompt { get; }

    /// <summary>Shows one event.</summary>
    void Render(JobEvent jobEvent);

    /// <summary>Asks the user the question and returns the answer; null when nobody can be asked.</summary>
    Task<string?> PromptAsync(JobQuestion question, CancellationToken cancellationToken);

    /// <summary>Lists questions that stay unanswered, with their keys, so the user can answer them another way.</summary>
    void ReportUnanswered(string jobId, IReadOnlyList<JobQuestion> questions);

    /// <summary>Shows a one-line message from the client itself (not from the job).</summary>
    void Note(string message);
}
