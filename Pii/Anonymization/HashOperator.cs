using System.Security.Cryptography;
using System.Text;

namespace PiiOrleans.Pii.Anonymization;

/// <summary>
/// Lower-case hex digest of UTF-8(text) followed by UTF-8(<c>salt</c>) with <c>hash_type</c> sha256 (default) or
/// sha512, as Presidio's hash operator. A given salt must have at least 16 bytes (Presidio's rule: a short salt does not
/// stop a dictionary attack). Without a salt the digest is unsalted and deterministic, unlike Presidio's random salt per
/// entity: the pipelines rely on one value hashing the same everywhere in a job. MD5 is refused.
/// </summary>
public sealed class HashOperator : IAnonymizationOperator
{
    private const int MinimumSaltBytes = 16;

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
            throw new OperatorParameterException("hash_type",
                $"Parameter hash_type value {hashType} is not in range of values ['sha256', 'sha512']");
        }

        if (parameters.Values.TryGetValue("salt", out var value) && value is not null)
        {
            var salt = parameters.GetString("salt")!;
            var bytes = Encoding.UTF8.GetByteCount(salt);
            if (bytes == 0)
            {
                throw new OperatorParameterException("salt",
                    "Salt parameter cannot be empty. Either omit the salt parameter or provide a salt of at least 16 bytes (128 bits).");
            }

            if (bytes < MinimumSaltBytes)
            {
                throw new OperatorParameterException("salt",
                    $"Salt must be at least 16 bytes (128 bits). Provided salt is {bytes} bytes.");
            }
        }
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
