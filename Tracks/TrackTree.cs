using Orleans;

namespace PiiOrleans.Tracks;

/// <summary>The three sub-trees of a track export, processed in this order.</summary>
[GenerateSerializer, Alias("piiorleans.tracks.track-tree")]
public enum TrackTree
{
    /// <summary><c>runs/{task}/{run_id}</c>: Report JSONL or ranking files.</summary>
    Runs,
    /// <summary><c>metadata/{task}/{name}</c>: Evalbase metadata JSONL.</summary>
    Metadata,
    /// <summary><c>eval/{task}/{run_id}.{judge}</c>: evaluation output.</summary>
    Eval,
}
