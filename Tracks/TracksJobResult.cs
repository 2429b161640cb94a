using Orleans;


namespace PiiOrleans.Tracks;

/// <summary>
/// The result document of a tracks job: the plan (every file with kind, format and output name), the open questions,
/// the answers given (for <c>--save-answers</c>), the pseudonyms allocated or previewed, and the summary.
/// </summary>
[GenerateSerializer, Immutable, Alias("piiorleans.tracks.tracks-job-result")]
public sealed record TracksJobResult(
    bool DryRun,
    IReadOnlyList<TrackFilePlan> Files,
    IReadOnlyList<TracksQuestion> OpenQuestions,
    IReadOnlyDictionary<string, string> AnswersGiven,
    IReadOnlyDictionary<string, string> Teams,
    IReadOnlyDictionary<string, string> Runs,
    int NewTeams,
    int NewRuns,
    TracksSummary? Summary,
    string? ErrorReportPath,
    int TeamsInMapping,
    int RunsInMapping,
    IReadOnlyDictionary<string, int>? FilesPerSilo = null);
