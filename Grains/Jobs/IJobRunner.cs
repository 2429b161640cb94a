using System.Text.Json;
using PiiOrleans.Grains.Interfaces.Jobs;

namespace PiiOrleans.Grains.Jobs;

/// <summary>
/// The work of one job type. The job grain creates a runner per job (from DI), calls <see cref="RunAsync"/> once,
/// and turns its outcome into the job's status and events.
/// </summary>
public interface IJobRunner
{
    /// <summary>
    /// Runs the job. <paramref name="parameters"/> is the submission's JSON object; throw <see cref="JobParameterException"/>
    /// for bad parameters. The returned element becomes the job's result.
    /// </summary>
    Task<JobOutcome> RunAsync(IJobContext context, JsonElement parameters, CancellationToken cancellationToken);
}
