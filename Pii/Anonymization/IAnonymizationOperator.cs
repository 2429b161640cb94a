namespace PiiOrleans.Pii.Anonymization;

/// <summary>
/// One anonymization operator (Presidio's Operator): <see cref="Validate"/> checks the parameters once, at
/// configuration time; <see cref="Operate"/> then transforms one entity's text. Implementations are thread-safe.
/// </summary>
public interface IAnonymizationOperator
{
    /// <summary>The strategy name used in configuration and REST requests (<c>replace</c>, <c>mask</c>, …).</summary>
    string Name { get; }

    /// <summary>Anonymize or deanonymize.</summary>
    OperatorType Type { get; }

    /// <summary>Throws <see cref="OperatorParameterException"/> when the parameters cannot work.</summary>
    void Validate(OperatorParameters parameters);

    /// <summary>The replacement for <paramref name="text"/>, the text of one entity.</summary>
    string Operate(string text, OperatorParameters parameters);
}
