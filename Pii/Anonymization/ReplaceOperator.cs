namespace PiiOrleans.Pii.Anonymization;

/// <summary>Replaces the entity with <c>new_value</c>, or with <c>&lt;ENTITY_TYPE&gt;</c> when it is absent or empty (Presidio).</summary>
public sealed class ReplaceOperator : IAnonymizationOperator
{
    /// <inheritdoc />
    public string Name => "replace";

    /// <inheritdoc />
    public OperatorType Type => OperatorType.Anonymize;

    /// <inheritdoc />
    public void Validate(OperatorParameters parameters)
    {
        if (parameters.Values.TryGetValue("new_value", out var value) && value is not (null or string))
        {
            throw OperatorParameters.WrongType("new_value", "string", value);
        }
    }

    /// <inheritdoc />
    public string Operate(string text, OperatorParameters parameters)
    {
        var newValue = parameters.GetString("new_value");
        return string.IsNullOrEmpty(newValue) ? $"<{parameters.EntityType}>" : newValue;
    }
}
