namespace PiiOrleans.Grains.Interfaces.Tracks;

/// <summary>One file for a file grain to rewrite: its plan, the job's shared settings, and the mapping grain key for fingerprints.</summary>
public sealed record TrackFileWork(string JobId, TrackFilePlan Plan, TrackRewriteSettings Settings, string MappingKey);
