using PiiOrleans.Tracks;
using PiiOrleans.Tracks.Mapping;
using PiiOrleans.Tracks.Records;

namespace PiiOrleans.Tracks.Planning;

/// <summary>The stored repair rules that apply to a job, and the conversion between <c>repair_rules</c> rows and answer texts.</summary>
public sealed class TrackRepairRules
{
    /// <summary>Indexes <paramref name="entries"/>.</summary>
    public TrackRepairRules(IReadOnlyList<TrackRepairRuleEntry> entries)
    {
        Entries = entries;
        Book = new RepairRuleBook(entries.Select(e => new TrackRepairRule(e.PatternHash, e.FieldPath, RepairDecision.Parse(e.Action) ?? RepairDecision.Keep, e.TeamId)));
    }

    /// <summary>The rules as they travel to file grains.</summary>
    public IReadOnlyList<TrackRepairRuleEntry> Entries { get; }

    /// <summary>Lookup by hash and team.</summary>
    public RepairRuleBook Book { get; }

    /// <summary>
    /// The answer text of a stored rule (<c>extract_key</c> with <c>{"key": k}</c> → <c>extract_key:k</c>; <c>skip_record</c> →
    /// <c>skip_line</c>); null for actions we do not run (Track Veil's <c>custom</c> evaluates Python and is not ported).
    /// </summary>
    public static string? ToAnswer(RepairRule rule)
    {
        if (rule.Action == "extract_key")
        {
            try
            {
                using var doc = System.Text.Json.JsonDocument.Parse(rule.Parameters);
                return doc.RootElement.TryGetProperty("key", out var k) && k.ValueKind == System.Text.Json.JsonValueKind.String
                    ? "extract_key:" + k.GetString()
                    : null;
            }
            catch (System.Text.Json.JsonException)
            {
                return null;
            }
        }

        return rule.Action switch
        {
            "skip_record" => "skip_line",
            "to_string" or "drop_field" or "set_empty" or "wrap_list" => rule.Action,
            _ => null,
        };
    }

    /// <summary>A global rule row for an answered malformed question (Track Veil's default "remember for all").</summary>
    public static RepairRule ToRule(RepairLookup lookup, RepairDecision decision)
    {
        string action = decision.Action == "skip_line" ? "skip_record" : decision.Action;
        string parameters = decision.Key is null ? "{}" : "{\"key\": " + System.Text.Json.JsonSerializer.Serialize(decision.Key) + "}";
        string expected = lookup.FieldPath == "responses" ? "list" : "str";
        return new RepairRule(lookup.PatternHash, lookup.FieldPath, lookup.OriginalType, expected, action, parameters, null, null);
    }
}
