using System.Text.Json;

namespace PiiOrleans.Grains.Tables;

/// <summary>
/// Where a tables job stands, as its job grain persists it between attempts. Finer progress lives elsewhere: the report
/// grain's finished tables, the temporary output (one transaction per table) and the pseudonym store's checkpoints.
/// </summary>
internal readonly record struct TablesCheckpoint(string? Phase)
{
    /// <summary>
    /// The job starts from scratch: saved before anything is deleted or reset, so that an attempt another one superseded
    /// is refused before it can remove what the current attempt wrote (or published).
    /// </summary>
    public const string Starting = "starting";

    /// <summary>The temporary output has its schema; tables are being copied.</summary>
    public const string Tables = "tables";

    /// <summary>Every table is copied and the schema is complete (indexes, views, triggers).</summary>
    public const string SchemaCompleted = "schema_completed";

    /// <summary>
    /// The run failed and removes its temporary output: saved first, so that a superseded attempt is refused before it
    /// deletes the current attempt's file. A resume from here starts from scratch.
    /// </summary>
    public const string Discarding = "discarding";

    /// <summary>The privacy check passed; the output is being renamed into place.</summary>
    public const string Publishing = "publishing";

    /// <summary>The checkpoint of <paramref name="element"/> (no phase when null or unreadable: start from scratch).</summary>
    public static TablesCheckpoint From(JsonElement? element) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty("phase", out var phase) && phase.ValueKind == JsonValueKind.String
            ? new TablesCheckpoint(phase.GetString())
            : default;

    /// <summary>The JSON of a checkpoint at <paramref name="phase"/>.</summary>
    public static JsonElement Of(string phase) => JsonSerializer.SerializeToElement(new { phase });
}
