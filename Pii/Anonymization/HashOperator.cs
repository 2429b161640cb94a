using System.Security.Cryptography;
using System.Text;

namespace PiiOrleans.Pii.Anonymization;

/// <summary>
/// Lower-case hex digest of UTF-8(text) followed by UTF-8(<c>salt</c>) with <c>hash_type</c> sha256 (default) or
/// sha512, as Presidio's hash operator. MD5 is refused (weak and trivially reversible for e-mails and phones).
/// </summary>
public sealed class HashOperator : IAnonymizationOperator
{
    /// <inheritdoc />
    public string Name => "hash";

    /// <inheritdoc />
    public OperatorType Type => OperatorType.Anonymize;

    /// <inheritdoc />
    public void Validate(OperatorParameters parameters)
    {
        var hashType = parameters.GetString("hash_type", "sha256");
        if (hashType is not ("sha256" or "sha512"))
        {
            throw new OperatorParameterException("hash_type", "'hash_type' must be sha256 or sha512.");
        }

        parameters.GetString("salt");
    }

    /// <inheritdoc />
    public string Operate(string text, OperatorParameters parameters)
    {
        var salt = parameters.GetString("salt") ?? string.Empty;
        var input = Encoding.UTF8.GetBytes(text + salt);
        Span<byte> digest = stackalloc byte[64];
        var written = parameters.GetString("hash_type", "sha256") == "sha512"
            ? SHA512.HashData(input, digest)
            : SHA256.HashData(input, digest);
        return Convert.ToHexStringLower(digest[..written]);
    }
}
