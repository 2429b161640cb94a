using System.Text.Json;
using Orleans;

namespace PiiOrleans.Grains.Interfaces.Jobs;

/// <summary>A request to run one job of a registered type; <see cref="Parameters"/> is the job type's own JSON object.</summary>
[GenerateSerializer, Immutable, Alias("piiorleans.jobs.job-submission")]
public sealed record JobSubmission(string Type, JsonElement Parameters);
