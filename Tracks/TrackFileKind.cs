using Orleans;

namespace PiiOrleans.Tracks;

/// <summary>How a file is rewritten.</summary>
[GenerateSerializer, Alias("piiorleans.tracks.track-file-kind")]
public enum TrackFileKind
{
    /// <summary>Report JSONL (runs/).</summary>
    Report,
    /// <summary>Evalbase metadata JSONL (metadata/).</summary>
    Metadata,
    /// <summary>Whitespace-separated rows in one of the <see cref="TsvFormat"/>s (runs/ or eval/).</summary>
    Tsv,
}
