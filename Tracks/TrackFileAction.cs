using Orleans;

namespace PiiOrleans.Tracks;

/// <summary>What the plan does with an input file.</summary>
[GenerateSerializer, Alias("piiorleans.tracks.track-file-action")]
public enum TrackFileAction
{
    /// <summary>Rewritten to its output name.</summary>
    Rewrite,
    /// <summary>Not written (answer, unknown format, unknown run); the reason says why.</summary>
    Skip,
    /// <summary>Excluded by the priority filter.</summary>
    Filtered,
}
