namespace PiiOrleans.Grains.Jobs;

/// <summary>The job registry's persisted state: the ids it handed out, oldest first.</summary>
[GenerateSerializer, Alias("piiorleans.jobs.job-registry-record")]
public sealed class JobRegistryRecord
{
    /// <summary>Job ids, oldest first.</summary>
    [Id(0)]
    public List<string> JobIds { get; set; } = [];
}
