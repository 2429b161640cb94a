using Orleans;

namespace PiiOrleans.Tracks.Mapping;

/// <summary>
/// A report fingerprint and what it traces back to (a <c>report_fingerprints</c> row). <paramref name="OriginalRun"/> is
/// the run file name; <paramref name="TopicId"/> the resolved topic string.
/// </summary>
[GenerateSerializer, Immutable, Alias("piiorleans.tracks.mapping.fingerprint-record")]
public sealed record FingerprintRecord(
    string Fingerprint,
    string OriginalTeam,
    string OriginalRun,
    string TopicId,
    string AnonTeam,
    string AnonRun);
