using Orleans;
using PiiOrleans.Tracks;
using PiiOrleans.Tracks.Mapping;

namespace PiiOrleans.Grains.Interfaces.Tracks;

/// <summary>
/// What a file grain sends back: the file's result and the fingerprints of its reports, which the job records in the
/// mapping in plan order (so the mapping's rows do not depend on which file finished first), and the silo that wrote it.
/// </summary>
[GenerateSerializer, Immutable, Alias("piiorleans.tracks.track-file-outcome")]
public sealed record TrackFileOutcome(TrackFileResult Result, IReadOnlyList<FingerprintRecord> Fingerprints, string Silo);
