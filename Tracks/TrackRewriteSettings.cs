using Orleans;

namespace PiiOrleans.Tracks;

/// <summary>
/// Everything a file grain needs to rewrite any file of a job, shared by all its files: roots, pseudonyms, the answers,
/// stored repair rules (<c>hash</c>, <c>team</c> or null, action text), and the priority filter's runtags (null = no filter).
/// </summary>
[GenerateSerializer, Immutable, Alias("piiorleans.tracks.track-rewrite-settings")]
public sealed record TrackRewriteSettings(
    string InputRoot,
    string OutputRoot,
    IReadOnlyDictionary<string, string> TeamPseudonyms,
    IReadOnlyDictionary<string, string> RunPseudonyms,
    IReadOnlySet<string> RunsKnownBeforeMetadata,
    IReadOnlyDictionary<string, string> RunTeams,
    IReadOnlyDictionary<string, string> Answers,
    IReadOnlyDictionary<string, string> Policies,
    IReadOnlyList<TrackRepairRuleEntry> RepairRules,
    IReadOnlySet<string>? PriorityRuns,
    bool ScanPii);
