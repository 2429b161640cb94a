using Orleans;
using PiiOrleans.Grains.Interfaces.Tracks;
using PiiOrleans.Tracks;

namespace PiiOrleans.Grains.Tracks;

/// <summary>
/// Gathers the statistics and issues of one tracks job (key = job id). The runner sets all its results at once, so an
/// attempt that resumed after losing a silo replaces the earlier attempt's instead of adding to them.
/// </summary>
public sealed class TracksReportGrain : Grain, ITracksReportGrain
{
    private readonly List<TrackFileResult> _results = [];
    private readonly List<TrackIssue> _jobIssues = [];

    /// <inheritdoc />
    public Task Set(IReadOnlyList<TrackFileResult> results, IReadOnlyList<TrackIssue> jobIssues)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(jobIssues);
        _results.Clear();
        _results.AddRange(results);
        _jobIssues.Clear();
        _jobIssues.AddRange(jobIssues);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<TracksSummary> GetSummary()
    {
        var byType = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var issue in AllIssues())
        {
            byType[issue.IssueType] = byType.GetValueOrDefault(issue.IssueType) + 1;
        }

        int errors = byType.GetValueOrDefault("parse_error") + byType.GetValueOrDefault("malformed_field");
        int total = byType.Values.Sum();
        var summary = new TracksSummary(
            _results.Count(r => r.OutputRelativePath is not null),
            _results.Count(r => r.Resumed),
            0,
            0,
            _results.Sum(r => r.LinesRead),
            _results.Sum(r => r.LinesWritten),
            _results.Sum(r => (long)r.Fingerprints),
            errors,
            total - errors,
            byType);
        return Task.FromResult(summary);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TrackIssue>> GetIssues() => Task.FromResult<IReadOnlyList<TrackIssue>>(AllIssues().ToList());

    private IEnumerable<TrackIssue> AllIssues() =>
        _jobIssues.Concat(_results.SelectMany(r => r.Issues));
}
