namespace PiiOrleans.Pii.Anonymization;

/// <summary>Leaves the entity as it is (it is still detected and reported).</summary>
public sealed class KeepOperator : IAnonymizationOperator
{
    /// <inheritdoc />
    public string Name => "keep";

    /// <inheritdoc />
    public OperatorType Type => OperatorType.Anonymize;

    /// <inheritdoc />
    public void Validate(OperatorParameters parameters)
    {
    }

    /// <inheritdoc />
    public string Operate(string text, OperatorParameters parameters) => text;
}
