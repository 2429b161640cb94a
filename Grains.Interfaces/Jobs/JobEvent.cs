using System.Text.Json;

namespace PiiOrleans.Grains.Interfaces.Jobs;

/// <summary>
/// One entry of a job's event log, numbered from 1. <see cref="Kind"/> is one of <see cref="JobEventKinds"/>;
/// <see cref="Data"/> is the kind's JSON payload.
/// </summary>
public sealed record JobEvent(long Sequence, string Kind, DateTimeOffset Time, JsonElement Data);
