namespace PiiOrleans.Pii.Engine;

/// <summary>Tuning of <see cref="PiiEngine"/>: how many distinct values the result cache holds and the longest text it caches.</summary>
public sealed record PiiEngineOptions(int CacheCapacity = 50_000, int MaxCachedTextLength = 256)
{
    /// <summary>The defaults (50,000 values of up to 256 characters).</summary>
    public static PiiEngineOptions Default { get; } = new();
}
