namespace PiiOrleans.Tracks.Records;

/// <summary>
/// How to repair one malformed field: <c>extract_key</c> (with <see cref="Key"/>), <c>to_string</c>, <c>drop_field</c>,
/// <c>skip_line</c>, <c>set_empty</c>, <c>wrap_list</c>, or <c>keep</c> (no decision yet, value left as it is).
/// </summary>
public sealed record RepairDecision(string Action, string? Key = null)
{
    /// <summary>Leave the value unchanged.</summary>
    public static readonly RepairDecision Keep = new("keep");

    /// <summary>Parses an answer value such as <c>extract_key:text</c>; null when it is not a repair action.</summary>
    public static RepairDecision? Parse(string value)
    {
        if (value.StartsWith("extract_key:", StringComparison.Ordinal) && value.Length > "extract_key:".Length)
        {
            return new RepairDecision("extract_key", value["extract_key:".Length..]);
        }

        return value switch
        {
            "to_string" or "drop_field" or "set_empty" or "wrap_list" => new RepairDecision(value),
            "skip_line" or "skip_record" => new RepairDecision("skip_line"),
            _ => null,
        };
    }

    /// <summary>The answer text of this decision.</summary>
    public override string ToString() => Key is null ? Action : $"{Action}:{Key}";
}
