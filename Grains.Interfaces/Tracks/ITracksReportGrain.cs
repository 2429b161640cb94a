using Orleans;
using PiiOrleans.Tracks;
using PiiOrleans.Tracks.Mapping;

namespace PiiOrleans.Grains.Interfaces.Tracks;

/// <summary>Gathers the statistics and issues of one tracks job (key = job id).</summary>
[Alias("piiorleans.tracks.tracks-report-grain")]
public interface ITracksReportGrain : IGrainWithStringKey
{
    /// <summary>Adds one file's result.</summary>
    Task Add(TrackFileResult result);

    /// <summary>Adds job-level issues (warnings that belong to no single file).</summary>
    Task AddIssues(IReadOnlyList<TrackIssue> issues);

    /// <summary>The totals so far.</summary>
    Task<TracksSummary> GetSummary();

    /// <summary>Every issue, in file order.</summary>
    Task<IReadOnlyList<TrackIssue>> GetIssues();
}
