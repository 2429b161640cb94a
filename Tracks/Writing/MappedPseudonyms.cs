using PiiOrleans.Tracks.Records;

namespace PiiOrleans.Tracks.Writing;

/// <summary>Pseudonyms while writing: every name was allocated from the mapping grain after planning.</summary>
public sealed class MappedPseudonyms(
    IReadOnlyDictionary<string, string> teams,
    IReadOnlyDictionary<string, string> runs,
    IReadOnlySet<string> runsKnownBeforeMetadata) : ITrackPseudonyms
{
    public string Team(string original) => teams.TryGetValue(original, out string? anon)
        ? anon
        : throw new InvalidOperationException("A team met while writing was not allocated during planning.");

    public string Run(string original) => runs.TryGetValue(original, out string? anon)
        ? anon
        : throw new InvalidOperationException("A run met while writing was not allocated during planning.");

    public bool IsKnownRun(string original) => runsKnownBeforeMetadata.Contains(original);
}
