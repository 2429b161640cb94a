namespace PiiOrleans.Pii.Anonymization;

/// <summary>
/// Presidio's <c>deanonymize_keep</c>: leaves an item of a deanonymize request as it is, so a request can restore some
/// entity types and pass the others through.
/// </summary>
public sealed class DeanonymizeKeepOperator : IAnonymizationOperator
{
    /// <inheritdoc />
    public string Name => "deanonymize_keep";

    /// <inheritdoc />
    public OperatorType Type => OperatorType.Deanonymize;

    /// <inheritdoc />
    public void Validate(OperatorParameters parameters)
    {
    }

    /// <inheritdoc />
    public string Operate(string text, OperatorParameters parameters) => text;
}
