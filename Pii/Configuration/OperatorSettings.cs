using System.Collections.Immutable;

namespace PiiOrleans.Pii.Configuration;

/// <summary>
/// Which anonymization operator an entity gets (<c>anonymization_strategy</c>) and its parameters
/// (<c>anonymization_params</c>). Parameter values are string, long, double or bool.
/// </summary>
public sealed record OperatorSettings(string Strategy, ImmutableDictionary<string, object?> Params)
{
    /// <summary>An operator with no parameters.</summary>
    public OperatorSettings(string strategy)
        : this(strategy, ImmutableDictionary<string, object?>.Empty.WithComparers(StringComparer.Ordinal))
    {
    }

    /// <summary>The operator name that actually runs: the <c>lambda</c> for <c>custom</c>, otherwise the strategy.</summary>
    public string OperatorName =>
        Strategy == "custom" && Params.TryGetValue("lambda", out var lambda) && lambda is string name ? name : Strategy;

    /// <summary>A copy with <paramref name="key"/> set to <paramref name="value"/>.</summary>
    public OperatorSettings With(string key, object? value) => this with { Params = Params.SetItem(key, value) };

    /// <summary>A copy with <paramref name="key"/> set only where it is absent (fills job defaults).</summary>
    public OperatorSettings WithDefault(string key, object? value) =>
        Params.ContainsKey(key) || value is null ? this : With(key, value);

    /// <summary>Value equality over the parameters (records compare dictionaries by reference).</summary>
    public bool Equals(OperatorSettings? other) =>
        other is not null && Strategy == other.Strategy && Params.Count == other.Params.Count &&
        Params.All(p => other.Params.TryGetValue(p.Key, out var v) && Equals(p.Value, v));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Strategy, Params.Count);
}
