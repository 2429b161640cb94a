using Orleans;

namespace PiiOrleans.Grains.Interfaces.Jobs;

/// <summary>The gateway's answer to <c>POST /jobs</c>: the new job's id, its type and its state.</summary>
[GenerateSerializer, Immutable, Alias("piiorleans.jobs.job-submitted")]
public sealed record JobSubmitted(string Id, string Type, JobState State);
