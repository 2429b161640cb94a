using PiiOrleans.Tracks.Records;

namespace PiiOrleans.Tracks.Planning;

/// <summary>Pseudonyms while planning: records the originals in first-seen order and returns them unchanged.</summary>
internal sealed class RecordingPseudonyms : ITrackPseudonyms
{
    private readonly HashSet<string> _teamSet = new(StringComparer.Ordinal);
    private readonly HashSet<string> _runSet = new(StringComparer.Ordinal);

    public List<string> Teams { get; } = [];

    public List<string> Runs { get; } = [];

    public string Team(string original)
    {
        if (_teamSet.Add(original))
        {
            Teams.Add(original);
        }

        return original;
    }

    public string Run(string original)
    {
        if (_runSet.Add(original))
        {
            Runs.Add(original);
        }

        return original;
    }

    public bool IsKnownRun(string original) => true;
}
