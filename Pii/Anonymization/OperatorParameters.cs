using System.Collections.Immutable;
using System.Globalization;

namespace PiiOrleans.Pii.Anonymization;

/// <summary>
/// The parameters an operator runs with: the entity type of the span and the configured values
/// (string, long, double or bool). Typed getters throw <see cref="OperatorParameterException"/> naming the parameter.
/// </summary>
public sealed class OperatorParameters
{
    private static readonly ImmutableDictionary<string, object?> NoValues =
        ImmutableDictionary<string, object?>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>Creates parameters for spans of <paramref name="entityType"/>.</summary>
    public OperatorParameters(string entityType, IReadOnlyDictionary<string, object?>? values = null)
    {
        EntityType = entityType;
        Values = values is null ? NoValues : NoValues.AddRange(values);
    }

    /// <summary>The entity type of the span being operated on.</summary>
    public string EntityType { get; }

    /// <summary>The raw values.</summary>
    public ImmutableDictionary<string, object?> Values { get; }

    /// <summary>True when <paramref name="name"/> is present and not null.</summary>
    public bool Has(string name) => Values.TryGetValue(name, out var v) && v is not null;

    /// <summary>The string <paramref name="name"/>, or <paramref name="fallback"/> when absent.</summary>
    public string? GetString(string name, string? fallback = null) => Values.TryGetValue(name, out var v) switch
    {
        false => fallback,
        true when v is null => fallback,
        true when v is string s => s,
        _ => throw WrongType(name, "string", v),
    };

    /// <summary>The required string <paramref name="name"/>.</summary>
    public string GetRequiredString(string name) =>
        GetString(name) ?? throw Missing(name);

    /// <summary>The integer <paramref name="name"/> (a JSON number without fraction or a numeric string).</summary>
    public long? GetInt(string name) => Values.TryGetValue(name, out var v) ? v switch
    {
        null => null,
        long l => l,
        int i => i,
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => (long)d,
        string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => throw WrongType(name, "number", v),
    } : null;

    /// <summary>The boolean <paramref name="name"/> (true/false or the strings "true"/"false").</summary>
    public bool? GetBool(string name) => Values.TryGetValue(name, out var v) ? v switch
    {
        null => null,
        bool b => b,
        string s when bool.TryParse(s, out var parsed) => parsed,
        _ => throw WrongType(name, "boolean", v),
    } : null;

    /// <summary>The error for a missing parameter, worded as Presidio words it (clients match on it).</summary>
    public static OperatorParameterException Missing(string name) => new(name, $"Expected parameter {name}");

    /// <summary>The error for a parameter of the wrong JSON type, worded as Presidio words it.</summary>
    public static OperatorParameterException WrongType(string name, string expected, object? actual) =>
        new(name, $"Invalid parameter value for {name}. Expecting '{expected}', but got '{JsonTypeName(actual)}'.");

    private static string JsonTypeName(object? value) => value switch
    {
        string => "string",
        bool => "boolean",
        long or int or double => "number",
        _ => "object",
    };
}
