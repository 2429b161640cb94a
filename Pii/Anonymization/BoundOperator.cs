namespace PiiOrleans.Pii.Anonymization;

/// <summary>An operator with its validated parameters for one entity type, ready to run on spans.</summary>
public sealed record BoundOperator(IAnonymizationOperator Operator, OperatorParameters Parameters)
{
    /// <summary>The operator name as reported in result items.</summary>
    public string Name => Operator.Name;

    /// <summary>Runs the operator on one entity's text.</summary>
    public string Operate(string text) => Operator.Operate(text, Parameters);
}
