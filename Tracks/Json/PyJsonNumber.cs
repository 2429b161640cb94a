namespace PiiOrleans.Tracks.Json;

/// <summary>A JSON number kept as its source text; <see cref="IsFloat"/> when Python would parse it as a float.</summary>
internal sealed record PyJsonNumber(string Raw, bool IsFloat);
