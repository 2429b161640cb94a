using Orleans;
using PiiOrleans.Tracks;
using PiiOrleans.Tracks.Mapping;

namespace PiiOrleans.Grains.Interfaces.Tracks;

/// <summary>Rewrites one input file of a tracks job (key <c>{jobId}/{relative path}</c>), streaming; returns its fingerprints.</summary>
[Alias("piiorleans.tracks.track-file-grain")]
public interface ITrackFileGrain : IGrainWithStringKey
{
    /// <summary>Rewrites the file to its planned output name and returns counts, issues and fingerprints.</summary>
    Task<TrackFileOutcome> Rewrite(TrackFileWork work);
}
