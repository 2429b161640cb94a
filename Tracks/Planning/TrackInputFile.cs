using PiiOrleans.Tracks;

namespace PiiOrleans.Tracks.Planning;

/// <summary>One regular file directly inside a task folder of runs/, metadata/ or eval/.</summary>
public sealed record TrackInputFile(TrackTree Tree, string TreeDir, string Task, string FileName, string FullPath)
{
    /// <summary>Path relative to the input root, with '/'.</summary>
    public string RelativePath => $"{TreeDir}/{Task}/{FileName}";
}
