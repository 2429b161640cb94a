using Orleans;

namespace PiiOrleans.Tracks;

/// <summary>
/// One entry of <c>errors.jsonl</c>. <see cref="IssueType"/> is <c>parse_error</c>, <c>malformed_field</c>,
/// <c>email_found</c>, <c>skipped_record</c>, <c>skipped_file</c> or <c>warning</c>; the message never holds a raw e-mail or record.
/// </summary>
[GenerateSerializer, Immutable, Alias("piiorleans.tracks.track-issue")]
public sealed record TrackIssue(string IssueType, string FilePath, int? LineNumber, string? FieldPath, string Message);
