using Orleans;
using PiiOrleans.Tracks;
using PiiOrleans.Tracks.Mapping;

namespace PiiOrleans.Grains.Interfaces.Tracks;

/// <summary>Gathers the statistics and issues of one tracks job (key = job id).</summary>
[Alias("piiorleans.tracks.tracks-report-grain")]
public interface ITracksReportGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records the job's file results (in plan order) and its job-level issues (warnings that belong to no single file),
    /// replacing what an earlier attempt of the job recorded: a job that resumed after losing a silo counts each file once.
    /// </summary>
    Task Set(IReadOnlyList<TrackFileResult> results, IReadOnlyList<TrackIssue> jobIssues);

    /// <summary>The totals so far.</summary>
    Task<TracksSummary> GetSummary();

    /// <summary>Every issue, in file order.</summary>
    Task<IReadOnlyList<TrackIssue>> GetIssues();
}
