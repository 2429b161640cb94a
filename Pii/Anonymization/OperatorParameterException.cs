namespace PiiOrleans.Pii.Anonymization;

/// <summary>An operator parameter is missing or invalid; <see cref="Parameter"/> names it. Never carries a PII value.</summary>
public sealed class OperatorParameterException : Exception
{
    /// <summary>Creates the exception for <paramref name="parameter"/>.</summary>
    public OperatorParameterException(string parameter, string message)
        : base(message) => Parameter = parameter;

    /// <summary>The parameter name, for example <c>chars_to_mask</c>.</summary>
    public string Parameter { get; }
}
