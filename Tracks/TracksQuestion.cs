using Orleans;

namespace PiiOrleans.Tracks;

/// <summary>
/// A decision the tracks pipeline needs from the user (an unknown run, a TSV format, an e-mail to keep or hide).
/// <see cref="Key"/> identifies it (answers are cached per key); <see cref="Kind"/> groups questions for policies.
/// Never carries raw PII: <see cref="Context"/> names a field path and a masked value.
/// </summary>
[GenerateSerializer, Immutable, Alias("piiorleans.tracks.tracks-question")]
public sealed record TracksQuestion(
    string Key,
    string Kind,
    string Prompt,
    IReadOnlyList<string> Choices,
    string? Default,
    string? Context);
