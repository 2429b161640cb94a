namespace PiiOrleans.Tracks.Records;

/// <summary>A report to fingerprint: the mapping store hashes <c>topic \0 text</c> and stores the originals and pseudonyms.</summary>
public sealed record TrackFingerprint(string TopicId, string Text, string OriginalTeam, string OriginalRun, string AnonTeam, string AnonRun);
