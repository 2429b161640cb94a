namespace PiiOrleans.Grains.Interfaces.Jobs;

/// <summary>The answer to the question with <see cref="Key"/>.</summary>
public sealed record JobAnswer(string Key, string Value);
