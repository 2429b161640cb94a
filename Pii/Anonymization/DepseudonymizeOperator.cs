namespace PiiOrleans.Pii.Anonymization;

/// <summary>Restores the original of a surrogate issued by the job's <see cref="IPseudonymStore"/>; unknown surrogates stay as they are.</summary>
public sealed class DepseudonymizeOperator(IPseudonymStore store) : IAnonymizationOperator
{
    /// <inheritdoc />
    public string Name => "depseudonymize";

    /// <inheritdoc />
    public OperatorType Type => OperatorType.Deanonymize;

    /// <inheritdoc />
    public void Validate(OperatorParameters parameters)
    {
    }

    /// <inheritdoc />
    public string Operate(string text, OperatorParameters parameters) =>
        store.TryGetOriginal(parameters.EntityType, text, out var original) ? original : text;
}
