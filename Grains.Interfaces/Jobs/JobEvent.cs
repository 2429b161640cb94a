using System.Text.Json;
using Orleans;

namespace PiiOrleans.Grains.Interfaces.Jobs;

/// <summary>
/// One entry of a job's event log, numbered from 1. <see cref="Kind"/> is one of <see cref="JobEventKinds"/>;
/// <see cref="Data"/> is the kind's JSON payload.
/// </summary>
[GenerateSerializer, Immutable, Alias("piiorleans.jobs.job-event")]
public sealed record JobEvent(long Sequence, string Kind, DateTimeOffset Time, JsonElement Data);
