using Orleans;

namespace PiiOrleans.Grains.Interfaces.Jobs;

/// <summary>The answer to the question with <see cref="Key"/>.</summary>
[GenerateSerializer, Immutable, Alias("piiorleans.jobs.job-answer")]
public sealed record JobAnswer(string Key, string Value);
