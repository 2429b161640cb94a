using System.Collections.Frozen;
using PiiOrleans.Pii.Configuration;

namespace PiiOrleans.Pii.Anonymization;

/// <summary>
/// The operators a job can use, by name. <c>custom</c> resolves to the operator its <c>lambda</c> names
/// (<c>mask_person</c>, <c>mask_email</c>, <c>mask_location</c>). One registry per job: it owns the pseudonym store.
/// </summary>
public sealed class OperatorRegistry
{
    /// <summary>The custom lambda names the old job accepted.</summary>
    public static readonly IReadOnlyList<string> CustomLambdas = ["mask_person", "mask_email", "mask_location"];

    private readonly FrozenDictionary<string, IAnonymizationOperator> _operators;

    /// <summary>Creates a registry with every built-in operator; pseudonyms go to <paramref name="store"/>.</summary>
    public OperatorRegistry(IPseudonymStore? store = null, string? pseudonymSeed = null)
        : this(store, FixedSeed(pseudonymSeed ?? Guid.NewGuid().ToString("N")))
    {
    }

    /// <summary>As the other constructor, with the pseudonym seed computed when the first fake surrogate is derived.</summary>
    public OperatorRegistry(IPseudonymStore? store, Func<string> pseudonymSeed)
    {
        PseudonymStore = store ?? new InMemoryPseudonymStore();
        IAnonymizationOperator[] operators =
        [
            new ReplaceOperator(), new RedactOperator(), new MaskOperator(), new HashOperator(), new EncryptOperator(),
            new DecryptOperator(), new KeepOperator(), new MaskPersonOperator(), new MaskEmailOperator(),
            new MaskLocationOperator(), new PseudonymizeOperator(PseudonymStore, pseudonymSeed),
            new DepseudonymizeOperator(PseudonymStore), new DeanonymizeKeepOperator(),
        ];
        _operators = operators.ToFrozenDictionary(o => o.Name, StringComparer.Ordinal);
    }

    private static Func<string> FixedSeed(string seed) => () => seed;

    /// <summary>A registry for validation only (its pseudonym store is private and unused).</summary>
    public static OperatorRegistry Validation { get; } = new(null, "validation");

    /// <summary>The store that pseudonymize writes to and depseudonymize reads.</summary>
    public IPseudonymStore PseudonymStore { get; }

    /// <summary>Names of the anonymizers (<c>GET /anonymizers</c>), with <c>custom</c>.</summary>
    public IReadOnlyList<string> AnonymizerNames =>
        [.. _operators.Values.Where(o => o.Type == OperatorType.Anonymize).Select(o => o.Name).Append("custom").Order(StringComparer.Ordinal)];

    /// <summary>Names of the deanonymizers (<c>GET /deanonymizers</c>).</summary>
    public IReadOnlyList<string> DeanonymizerNames =>
        [.. _operators.Values.Where(o => o.Type == OperatorType.Deanonymize).Select(o => o.Name).Order(StringComparer.Ordinal)];

    /// <summary>
    /// The operator of <paramref name="settings"/> validated against its parameters for <paramref name="entityType"/>;
    /// throws <see cref="OperatorParameterException"/> (parameter <c>anonymization_strategy</c> or <c>lambda</c> for unknown names).
    /// </summary>
    public BoundOperator Bind(OperatorSettings settings, string entityType, OperatorType type = OperatorType.Anonymize)
    {
        IAnonymizationOperator? op;
        if (settings.Strategy == "custom")
        {
            var lambda = settings.Params.TryGetValue("lambda", out var value) ? value as string : null;
            if (lambda is null || !CustomLambdas.Contains(lambda) || !_operators.TryGetValue(lambda, out op))
            {
                throw new OperatorParameterException("lambda",
                    $"'lambda' must be one of {string.Join(", ", CustomLambdas)}.");
            }
        }
        else if (!_operators.TryGetValue(settings.Strategy, out op) || op.Type != type)
        {
            // Presidio's wording first (clients match on it), then what to use instead.
            var names = type == OperatorType.Anonymize ? AnonymizerNames : DeanonymizerNames;
            throw new OperatorParameterException("anonymization_strategy",
                $"Invalid operator class '{settings.Strategy}'. Use one of {string.Join(", ", names)}.");
        }

        var parameters = new OperatorParameters(entityType, settings.Params);
        op.Validate(parameters);
        return new BoundOperator(op, parameters);
    }
}
