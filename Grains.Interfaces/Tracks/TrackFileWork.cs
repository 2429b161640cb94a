using Orleans;
using PiiOrleans.Tracks;

namespace PiiOrleans.Grains.Interfaces.Tracks;

/// <summary>
/// One file for a file grain to rewrite: its plan and the job's settings (with <see cref="SettingsKey"/>, their digest,
/// which keys the silo's cache of compiled sessions).
/// </summary>
[GenerateSerializer, Immutable, Alias("piiorleans.tracks.track-file-work")]
public sealed record TrackFileWork(string JobId, TrackFilePlan Plan, string SettingsKey, TrackRewriteSettings Settings);
