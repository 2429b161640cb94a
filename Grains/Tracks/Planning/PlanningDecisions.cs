using PiiOrleans.Grains.Interfaces.Jobs;
using PiiOrleans.Grains.Interfaces.Tracks;
using PiiOrleans.Grains.Tracks.Json;
using PiiOrleans.Grains.Tracks.Records;

namespace PiiOrleans.Grains.Tracks.Planning;

/// <summary>Decisions while planning: stored repair rules apply; every other decision becomes a question (in first-seen order).</summary>
internal sealed class PlanningDecisions(RepairRuleBook rules) : ITrackDecisions
{
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);

    public List<JobQuestion> Questions { get; } = [];

    public EmailAction Email(string task, string fieldPath, string maskedExample, string relativePath)
    {
        string key = TracksQuestionKeys.Email(task, fieldPath);
        if (_keys.Add(key))
        {
            Questions.Add(new JobQuestion(
                key,
                TracksQuestionKinds.Email,
                $"E-mail address found in {task}/ ({fieldPath}). How should this field be handled in this task?",
                ["redact", "drop_field", "keep"],
                "redact",
                $"Example: {maskedExample}; file: {relativePath}"));
        }

        return EmailAction.Keep;
    }

    public RepairDecision Repair(string fieldPath, object? value, string originalTeam, string relativePath, int line)
    {
        string hash = RepairPatternHash.Compute(fieldPath, value);
        if (rules.Find(hash, originalTeam) is { } rule)
        {
            return rule;
        }

        string key = TracksQuestionKeys.Malformed(fieldPath, hash);
        if (_keys.Add(key))
        {
            bool expectString = fieldPath != "responses";
            var choices = new List<string>();
            if (value is PyJsonObject o)
            {
                choices.AddRange(o.Entries.Where(e => e.Value is string).Select(e => "extract_key:" + e.Key));
            }

            choices.AddRange(expectString ? ["to_string", "set_empty", "drop_field", "skip_line"] : ["wrap_list", "set_empty", "drop_field", "skip_line"]);
            Questions.Add(new JobQuestion(
                key,
                TracksQuestionKinds.Malformed,
                $"Malformed field {fieldPath} in {relativePath}:{line}: expected {(expectString ? "str" : "list")}, got {RepairPatternHash.Structure(value)}. How to handle it?",
                choices,
                null,
                $"pattern {hash}"));
        }

        return RepairDecision.Keep;
    }
}
