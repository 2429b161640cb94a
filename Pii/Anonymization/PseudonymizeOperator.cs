namespace PiiOrleans.Pii.Anonymization;

/// <summary>
/// Replaces each value by a surrogate that is consistent within the job for the same (entity type, value), so
/// joins across tables and files survive. <c>mode</c>: <c>placeholder</c> (default, <c>&lt;PERSON_1&gt;</c>) or
/// <c>fake</c> (realistic values of the same shape). The job's <see cref="IPseudonymStore"/> makes it reversible.
/// </summary>
public sealed class PseudonymizeOperator : IAnonymizationOperator
{
    private readonly IPseudonymStore _store;
    private readonly FakeSurrogateFactory _fake;

    /// <summary>Creates the operator over the job's store; <paramref name="seed"/> makes fake surrogates deterministic.</summary>
    public PseudonymizeOperator(IPseudonymStore store, string seed)
        : this(store, () => seed)
    {
    }

    /// <summary>As <see cref="PseudonymizeOperator(IPseudonymStore, string)"/>, with the seed computed on first use.</summary>
    public PseudonymizeOperator(IPseudonymStore store, Func<string> seed)
    {
        _store = store;
        _fake = new FakeSurrogateFactory(seed);
    }

    /// <inheritdoc />
    public string Name => "pseudonymize";

    /// <inheritdoc />
    public OperatorType Type => OperatorType.Anonymize;

    /// <summary>The store holding this job's mappings.</summary>
    public IPseudonymStore Store => _store;

    /// <summary>Parses the <c>mode</c> parameter (default placeholder).</summary>
    public static PseudonymMode ModeOf(OperatorParameters parameters) => parameters.GetString("mode", "placeholder") switch
    {
        "placeholder" => PseudonymMode.Placeholder,
        "fake" => PseudonymMode.Fake,
        _ => throw new OperatorParameterException("mode", "'mode' must be placeholder or fake."),
    };

    /// <inheritdoc />
    public void Validate(OperatorParameters parameters) => ModeOf(parameters);

    /// <inheritdoc />
    public string Operate(string text, OperatorParameters parameters)
    {
        ISurrogateFactory factory = ModeOf(parameters) == PseudonymMode.Fake ? _fake : PlaceholderSurrogateFactory.Instance;
        return _store.GetOrAdd(parameters.EntityType, text, factory);
    }
}
