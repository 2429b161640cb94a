namespace PiiOrleans.Pii.Anonymization;

/// <summary>Removes the entity text entirely; the surrounding text is kept.</summary>
public sealed class RedactOperator : IAnonymizationOperator
{
    /// <inheritdoc />
    public string Name => "redact";

    /// <inheritdoc />
    public OperatorType Type => OperatorType.Anonymize;

    /// <inheritdoc />
    public void Validate(OperatorParameters parameters)
    {
    }

    /// <inheritdoc />
    public string Operate(string text, OperatorParameters parameters) => string.Empty;
}
