namespace PiiOrleans.Tracks.Records;

/// <summary>
/// The answers record rewriting needs. While planning, an implementation records a question for every decision it
/// cannot make and returns a neutral choice; while writing, every decision is known.
/// </summary>
public interface ITrackDecisions
{
    /// <summary>The action for e-mails in <paramref name="fieldPath"/> of <paramref name="task"/>; <paramref name="maskedExample"/> is safe to show.</summary>
    EmailAction Email(string task, string fieldPath, string maskedExample, string relativePath);

    /// <summary>The repair for a malformed <paramref name="value"/> at <paramref name="fieldPath"/>, scoped to the record's original team.</summary>
    RepairDecision Repair(string fieldPath, object? value, string originalTeam, string relativePath, int line);
}
