using PiiOrleans.Tracks.Planning;
using PiiOrleans.Tracks.Records;

namespace PiiOrleans.Tracks.Writing;

/// <summary>Decisions while writing: stored repair rules, then the job's answers and policies. Planning guarantees an answer exists.</summary>
public sealed class ResolvedDecisions(TracksAnswerSet answers, RepairRuleBook rules) : ITrackDecisions
{
    public EmailAction Email(string task, string fieldPath, string maskedExample, string relativePath) =>
        // Unreachable after planning; redacting is the safe fallback.
        answers.Email(TracksQuestionKeys.Email(task, fieldPath)) ?? EmailAction.Redact;

    public RepairDecision Repair(string fieldPath, object? value, string originalTeam, string relativePath, int line)
    {
        string hash = RepairPatternHash.Compute(fieldPath, value);
        return rules.Find(hash, originalTeam) ?? answers.Repair(TracksQuestionKeys.Malformed(fieldPath, hash)) ?? RepairDecision.Keep;
    }
}
