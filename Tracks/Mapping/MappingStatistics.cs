using Orleans;

namespace PiiOrleans.Tracks.Mapping;

/// <summary>
/// Counts of a mapping store. <c>TeamsRemaining</c>/<c>RunsRemaining</c> follow Track Veil (its pool size minus the pool
/// index, so skipped names count as used; never below 0); the <c>*WithExtension</c> values include our extension names.
/// </summary>
[GenerateSerializer, Immutable, Alias("piiorleans.tracks.mapping.mapping-statistics")]
public sealed record MappingStatistics(
    int Teams,
    int Runs,
    long Fingerprints,
    int TeamPoolIndex,
    int RunPoolIndex,
    int TeamsRemaining,
    int RunsRemaining,
    int TeamsRemainingWithExtension,
    int RunsRemainingWithExtension);
