namespace PiiOrleans.Pii.Detection;

/// <summary>A user regex from configuration (<c>regex_patterns</c>: name, regex, score).</summary>
public sealed record CustomPattern(string Name, string Regex, double Score = 0.8);
