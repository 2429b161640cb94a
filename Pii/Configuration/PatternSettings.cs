namespace PiiOrleans.Pii.Configuration;

/// <summary>A user regex pattern of an entity (<c>regex_patterns[]</c>): a name, the .NET regex and its base score.</summary>
public sealed record PatternSettings(string Name, string Regex, double Score = PatternSettings.DefaultScore)
{
    /// <summary>The score a pattern gets when the file gives none (as in Presidio's job).</summary>
    public const double DefaultScore = 0.8;
}
