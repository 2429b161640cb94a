namespace PiiOrleans.Grains.Interfaces.Tracks.Mapping;

/// <summary>One stored mapping: an original team or run name and its pseudonym.</summary>
public sealed record MappingPair(string Original, string Anonymized);
