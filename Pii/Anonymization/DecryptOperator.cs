namespace PiiOrleans.Pii.Anonymization;

/// <summary>Reverses <see cref="EncryptOperator"/> (and Presidio's encrypt) with the same <c>key</c>.</summary>
public sealed class DecryptOperator : IAnonymizationOperator
{
    /// <inheritdoc />
    public string Name => "decrypt";

    /// <inheritdoc />
    public OperatorType Type => OperatorType.Deanonymize;

    /// <inheritdoc />
    public void Validate(OperatorParameters parameters) => AesCbcCipher.KeyBytes(parameters.GetString("key"));

    /// <inheritdoc />
    public string Operate(string text, OperatorParameters parameters) =>
        AesCbcCipher.Decrypt(AesCbcCipher.KeyBytes(parameters.GetString("key")), text);
}
