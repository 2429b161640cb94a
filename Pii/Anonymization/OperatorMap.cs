using System.Collections.Concurrent;
using System.Collections.Frozen;
using PiiOrleans.Pii.Configuration;

namespace PiiOrleans.Pii.Anonymization;

/// <summary>
/// Which validated operator runs for each entity type, with a default for types that have none (Presidio's
/// <c>DEFAULT</c>). Built once per job or request; every operator is validated when the map is built.
/// </summary>
public sealed class OperatorMap
{
    private readonly FrozenDictionary<string, BoundOperator> _byEntity;
    private readonly OperatorSettings _default;
    private readonly OperatorRegistry _registry;
    private readonly OperatorType _type;
    private readonly ConcurrentDictionary<string, BoundOperator> _defaults = new(StringComparer.Ordinal);

    /// <summary>
    /// Binds <paramref name="operators"/> (entity type → settings; the key <c>DEFAULT</c> replaces
    /// <paramref name="defaultOperator"/>). Throws <see cref="OperatorParameterException"/> for an invalid operator.
    /// </summary>
    public OperatorMap(OperatorRegistry registry, IReadOnlyDictionary<string, OperatorSettings> operators,
        OperatorSettings? defaultOperator = null, OperatorType type = OperatorType.Anonymize)
    {
        _registry = registry;
        _type = type;
        _default = operators.TryGetValue("DEFAULT", out var explicitDefault)
            ? explicitDefault
            : defaultOperator ?? new OperatorSettings(type == OperatorType.Anonymize ? "replace" : "depseudonymize");
        _byEntity = operators.Where(p => p.Key != "DEFAULT")
            .ToFrozenDictionary(p => p.Key, p => registry.Bind(p.Value, p.Key, type), StringComparer.Ordinal);
        For("DEFAULT");
    }

    /// <summary>The map a configuration describes: each entity's operator and the anonymization section's default.</summary>
    public static OperatorMap FromSettings(PiiSettings settings, OperatorRegistry registry) =>
        new(registry, settings.Entities.ToDictionary(e => e.EntityType, e => e.Operator, StringComparer.Ordinal),
            settings.Anonymization.DefaultOperator());

    /// <summary>The registry the operators come from (it owns the job's pseudonym store).</summary>
    public OperatorRegistry Registry => _registry;

    /// <summary>The operator for spans of <paramref name="entityType"/>.</summary>
    public BoundOperator For(string entityType) =>
        _byEntity.TryGetValue(entityType, out var bound)
            ? bound
            : _defaults.GetOrAdd(entityType, static (type, map) => map._registry.Bind(map._default, type, map._type), this);
}
