namespace PiiOrleans.Pii.Configuration;

/// <summary>
/// The <c>anonymization</c> section: the default operator for entity types without their own entry and the
/// defaults filled into operator parameters (mask char, direction, hash type, encryption key), plus the
/// pseudonymization seed.
/// </summary>
public sealed record AnonymizationSettings(
    string DefaultStrategy = "replace",
    string DefaultReplacement = "<REDACTED>",
    bool PreserveFormat = true,
    string MaskChar = "*",
    bool MaskFromEnd = true,
    string HashType = "sha256",
    string? EncryptionKey = null,
    string? PseudonymSeed = null)
{
    /// <summary>The built-in defaults.</summary>
    public static AnonymizationSettings Default { get; } = new();

    /// <summary>
    /// The operator for entity types without an entry of their own: <see cref="DefaultStrategy"/> with parameters that
    /// make it work (replace → <see cref="DefaultReplacement"/>, mask → the whole value, hash/encrypt → the section's defaults).
    /// </summary>
    public OperatorSettings DefaultOperator() => DefaultStrategy switch
    {
        "replace" => new OperatorSettings("replace").With("new_value", DefaultReplacement),
        "mask" => new OperatorSettings("mask").With("masking_char", MaskChar).With("chars_to_mask", (long)int.MaxValue).With("from_end", MaskFromEnd),
        "hash" => new OperatorSettings("hash").With("hash_type", HashType),
        "encrypt" => new OperatorSettings("encrypt").WithDefault("key", EncryptionKey),
        _ => new OperatorSettings(DefaultStrategy),
    };

    /// <summary><paramref name="settings"/> with this section's defaults filled in where the entity gives none.</summary>
    public OperatorSettings FillDefaults(OperatorSettings settings) => settings.Strategy switch
    {
        "mask" => settings.WithDefault("masking_char", MaskChar).WithDefault("from_end", MaskFromEnd),
        "hash" => settings.WithDefault("hash_type", HashType),
        "encrypt" => settings.WithDefault("key", EncryptionKey),
        _ => settings,
    };
}
