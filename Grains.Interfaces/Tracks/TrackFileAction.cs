namespace PiiOrleans.Grains.Interfaces.Tracks;

/// <summary>What the plan does with an input file.</summary>
public enum TrackFileAction
{
    /// <summary>Rewritten to its output name.</summary>
    Rewrite,
    /// <summary>Not written (answer, unknown format, unknown run); the reason says why.</summary>
    Skip,
    /// <summary>Excluded by the priority filter.</summary>
    Filtered,
}
