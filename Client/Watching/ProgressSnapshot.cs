using System.Text.Json;
using PiiOrleans.Grains.Interfaces.Jobs;

namespace PiiOrleans.Client.Watching;

/// <summary>A progress event's fields (see <see cref="JobProgress"/>), read leniently: jobs may send other shapes.</summary>
internal readonly record struct ProgressSnapshot(string Scope, long? Done, long? Total, string Unit, string? Message)
{
    public static ProgressSnapshot From(JobEvent jobEvent)
    {
        var data = jobEvent.Data;
        if (data.ValueKind != JsonValueKind.Object)
        {
            return new ProgressSnapshot("job", null, null, "items", null);
        }

        return new ProgressSnapshot(
            String(data, "scope") ?? "job",
            Number(data, "done"),
            Number(data, "total"),
            String(data, "unit") ?? "items",
            String(data, "message"));
    }

    private static string? String(JsonElement data, string name) =>
        data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long? Number(JsonElement data, string name) =>
        data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number
            : null;
}
