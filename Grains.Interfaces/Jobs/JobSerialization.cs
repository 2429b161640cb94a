using System.Text.Json;
using Orleans.Serialization;

namespace PiiOrleans.Grains.Interfaces.Jobs;

/// <summary>
/// Serializer registrations that silos and clients must share: job parameters, results and event payloads are
/// <see cref="JsonElement"/>s, which cross grain boundaries as JSON.
/// </summary>
public static class JobSerialization
{
    /// <summary>Adds the JSON codec for <see cref="JsonElement"/> payloads.</summary>
    public static ISerializerBuilder AddJobPayloads(this ISerializerBuilder builder) =>
        builder.AddJsonSerializer(isSupported: type => type == typeof(JsonElement));
}
