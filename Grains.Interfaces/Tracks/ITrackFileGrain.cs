using PiiOrleans.Runtime;

namespace PiiOrleans.Grains.Interfaces.Tracks;

/// <summary>Rewrites one input file of a tracks job (key <c>{jobId}/{relative path}</c>), streaming, and records its fingerprints.</summary>
public interface ITrackFileGrain : IGrainWithStringKey
{
    /// <summary>Rewrites the file to its planned output name and returns counts and issues.</summary>
    Task<TrackFileResult> Rewrite(TrackFileWork work);
}
