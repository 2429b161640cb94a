using PiiOrleans.Tracks;
using PiiOrleans.Tracks.Json;
using PiiOrleans.Tracks.Records;

namespace PiiOrleans.Tracks.Planning;

/// <summary>Decisions while planning: every decision becomes a question (in first-seen order); stored rules are applied later by the resolver.</summary>
internal sealed class PlanningDecisions : ITrackDecisions
{
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);

    public List<TracksQuestion> Questions { get; } = [];

    /// <summary>Every (pattern hash, field, original team, Python type) met, for the stored-rule lookup after the scan.</summary>
    public List<RepairLookup> RepairLookups { get; } = [];

    public EmailAction Email(string task, string fieldPath, string maskedExample, string relativePath)
    {
        string key = TracksQuestionKeys.Email(task, fieldPath);
        if (_keys.Add(key))
        {
            Questions.Add(new TracksQuestion(
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
        var lookup = new RepairLookup(hash, fieldPath, originalTeam, PyJsonWriter.PythonTypeName(value));
        if (!RepairLookups.Contains(lookup))
        {
            RepairLookups.Add(lookup);
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
            Questions.Add(new TracksQuestion(
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
