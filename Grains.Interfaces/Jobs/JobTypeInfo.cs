namespace PiiOrleans.Grains.Interfaces.Jobs;

/// <summary>A job type as the gateway lists it (<c>GET /jobtypes</c>).</summary>
public sealed record JobTypeInfo(string Name, string Description);
