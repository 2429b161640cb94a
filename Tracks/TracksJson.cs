using System.Text.Json;
using System.Text.Json.Serialization;

namespace PiiOrleans.Tracks;

/// <summary>The JSON options of tracks job parameters and results (web naming, enums as strings), shared by client and silo.</summary>
public static class TracksJson
{
    /// <summary>Options for <see cref="TracksJobParameters"/> and <see cref="TracksJobResult"/>.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
}
