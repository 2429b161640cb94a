using Orleans;

namespace PiiOrleans.Grains.Interfaces.Jobs;

/// <summary>A job type as the gateway lists it (<c>GET /jobtypes</c>).</summary>
[GenerateSerializer, Immutable, Alias("piiorleans.jobs.job-type-info")]
public sealed record JobTypeInfo(string Name, string Description);
