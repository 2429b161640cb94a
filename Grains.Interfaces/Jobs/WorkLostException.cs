using Orleans;

namespace PiiOrleans.Grains.Interfaces.Jobs;

/// <summary>
/// A grain that holds a job's work in memory (an open table, a pseudonym allocator mid-table) was asked to go on, but
/// this activation does not have that work: its previous activation was lost with its silo. The job resumes from its
/// last checkpoint. Carries no data.
/// </summary>
[GenerateSerializer, Alias("piiorleans.jobs.work-lost-exception")]
public sealed class WorkLostException(string what)
    : Exception($"{what}: the work in progress was lost with its silo; the job resumes from its last checkpoint.")
{
}
