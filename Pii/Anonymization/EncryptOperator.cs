namespace PiiOrleans.Pii.Anonymization;

/// <summary>AES-CBC encryption with a random IV, interoperable with Presidio's <c>encrypt</c> (see <see cref="AesCbcCipher"/>).</summary>
public sealed class EncryptOperator : IAnonymizationOperator
{
    /// <inheritdoc />
    public string Name => "encrypt";

    /// <inheritdoc />
    public OperatorType Type => OperatorType.Anonymize;

    /// <inheritdoc />
    public void Validate(OperatorParameters parameters) => AesCbcCipher.KeyBytes(parameters.GetString("key"));

    /// <inheritdoc />
    public string Operate(string text, OperatorParameters parameters) =>
        AesCbcCipher.Encrypt(AesCbcCipher.KeyBytes(parameters.GetString("key")), text);
}
