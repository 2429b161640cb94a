using PiiOrleans.Tracks;

namespace PiiOrleans.Tracks.Planning;

/// <summary>
/// The resolved plan of a job: every file with its kind, format and run id, the questions still open, and the teams
/// and runs that need pseudonyms, in allocation order (spec §3.2).
/// </summary>
public sealed record TracksPlan(
    IReadOnlyList<TrackFilePlan> Files,
    IReadOnlyList<TracksQuestion> OpenQuestions,
    IReadOnlyList<string> Teams,
    IReadOnlyList<string> Runs,
    IReadOnlyDictionary<string, string> RunTeams,
    IReadOnlySet<string> RunsKnownBeforeMetadata);
