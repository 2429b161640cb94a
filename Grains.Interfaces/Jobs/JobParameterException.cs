using Orleans;

namespace PiiOrleans.Grains.Interfaces.Jobs;

/// <summary>The job's parameters are invalid; the message says which and what to do. Maps to HTTP 400 / exit code 1.</summary>
[GenerateSerializer, Alias("piiorleans.jobs.job-parameter-exception")]
public sealed class JobParameterException(string message) : Exception(message);
