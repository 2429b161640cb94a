namespace PiiOrleans.Grains.Interfaces.Tracks;

/// <summary>How a file is rewritten.</summary>
public enum TrackFileKind
{
    /// <summary>Report JSONL (runs/).</summary>
    Report,
    /// <summary>Evalbase metadata JSONL (metadata/).</summary>
    Metadata,
    /// <summary>Whitespace-separated rows in one of the <see cref="TsvFormat"/>s (runs/ or eval/).</summary>
    Tsv,
}
