using System.Text.Json;

namespace PiiOrleans.Grains.Interfaces.Jobs;

/// <summary>A request to run one job of a registered type; <see cref="Parameters"/> is the job type's own JSON object.</summary>
public sealed record JobSubmission(string Type, JsonElement Parameters);
