namespace PiiOrleans.Tracks.Planning;

/// <summary>A malformed value met while planning: its pattern hash, field path, the record's original team ('' = none) and Python type name.</summary>
public sealed record RepairLookup(string PatternHash, string FieldPath, string Team, string OriginalType);
