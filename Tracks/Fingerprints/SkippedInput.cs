namespace PiiOrleans.Tracks.Fingerprints;

/// <summary>Input that recovery could not use: a whole file (<see cref="Line"/> null) or one line, and why.</summary>
public sealed record SkippedInput(string File, int? Line, SkipReason Reason);
