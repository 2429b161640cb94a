using System.Security.Cryptography;
using PiiOrleans.Pii.Anonymization;

namespace PiiOrleans.Tests.Pii.Anonymization;

public sealed class BuiltInOperatorTests
{
    private static OperatorParameters Params(string entity, params (string Key, object? Value)[] values) =>
        new(entity, values.ToDictionary(v => v.Key, v => v.Value));

    [Fact]
    public void Replace_defaults_to_entity_placeholder_and_uses_new_value()
    {
        var op = new ReplaceOperator();
        Assert.Equal("<EMAIL_ADDRESS>", op.Operate("bob@example.com", Params("EMAIL_ADDRESS")));
        Assert.Equal("<EMAIL_ADDRESS>", op.Operate("bob@example.com", Params("EMAIL_ADDRESS", ("new_value", ""))));
        Assert.Equal("[E]", op.Operate("bob@example.com", Params("EMAIL_ADDRESS", ("new_value", "[E]"))));
        Assert.Throws<OperatorParameterException>(() => op.Validate(Params("X", ("new_value", 5L))));
    }

    [Fact]
    public void Redact_and_keep()
    {
        Assert.Equal(string.Empty, new RedactOperator().Operate("719-42-8063", Params("US_SSN")));
        Assert.Equal("719-42-8063", new KeepOperator().Operate("719-42-8063", Params("US_SSN")));
    }

    [Theory]
    [InlineData("555-123-4567", 7, true, "555-1*******")]
    [InlineData("(555) 123-4567", 7, true, "(555) 1*******")]
    [InlineData("+1 415 555 2671", 7, true, "+1 415 5*******")]
    [InlineData("4532-1234-5678-9012", 12, true, "4532-12************")]
    [InlineData("4532123456789012", 12, true, "4532************")]
    [InlineData("192.168.1.100", 8, true, "192.1********")]
    [InlineData("192.168.1.1", 8, true, "192********")]
    [InlineData("10.0.0.1", 8, true, "********")]
    [InlineData("https://judy.example.com", 10, true, "https://judy.e**********")]
    [InlineData("abcdef", 2, false, "**cdef")]
    [InlineData("abc", 10, false, "***")]
    [InlineData("abc", 0, true, "abc")]
    [InlineData("abc", -3, false, "abc")]
    [InlineData("Zoë😀x", 2, true, "Zoë**")]
    public void Mask_has_presidio_semantics(string input, long chars, bool fromEnd, string expected)
    {
        var parameters = Params("X", ("masking_char", "*"), ("chars_to_mask", chars), ("from_end", fromEnd));
        var op = new MaskOperator();
        op.Validate(parameters);
        Assert.Equal(expected, op.Operate(input, parameters));
    }

    [Fact]
    public void Mask_validation_requires_its_parameters()
    {
        var op = new MaskOperator();
        Assert.Equal("chars_to_mask", Assert.Throws<OperatorParameterException>(() =>
            op.Validate(Params("X", ("masking_char", "*"), ("from_end", true)))).Parameter);
        Assert.Equal("masking_char", Assert.Throws<OperatorParameterException>(() =>
            op.Validate(Params("X", ("masking_char", "ab"), ("chars_to_mask", 1L), ("from_end", true)))).Parameter);
        Assert.Equal("from_end", Assert.Throws<OperatorParameterException>(() =>
            op.Validate(Params("X", ("masking_char", "*"), ("chars_to_mask", 1L)))).Parameter);
        Assert.Equal("chars_to_mask", Assert.Throws<OperatorParameterException>(() =>
            op.Validate(Params("X", ("masking_char", "*"), ("chars_to_mask", "many"), ("from_end", true)))).Parameter);
    }

    [Theory]
    [InlineData("bob@example.com", null, null, "5ff860bf1190596c7188ab851db691f0f3169c453936e9e1eba2f9a47f7a0018")]
    [InlineData("bob@example.com", "sha512", null,
        "e3a04491311b893f5fd5b5fbd79f959a750e96deeb25244b9c4b37bd5dd771ea0766aaae765f70174f3c880e1624f1adcf19c354c46dde7de9b153fbd415539e")]
    [InlineData("bob@example.com", "sha256", "pepper-of-16-bytes", "0a329905e5886b743c8afc49d1713f559672ab6f1e0b65fcb4acf27e8582d731")]
    [InlineData("Müller", null, null, "a78429899bb825ce667d25d92e2cde488f8a7d6871bb2be7365601cad6b0a8f2")]
    public void Hash_gives_lowercase_hex_digest(string input, string? hashType, string? salt, string expected)
    {
        var parameters = Params("X", ("hash_type", hashType), ("salt", salt));
        var op = new HashOperator();
        op.Validate(parameters);
        Assert.Equal(expected, op.Operate(input, parameters));
    }

    [Theory]
    [InlineData("")]
    [InlineData("pepper")]
    [InlineData("fifteen-bytes!!")]
    public void Hash_refuses_an_empty_or_short_salt_as_presidio_does(string salt)
    {
        Assert.Equal("salt", Assert.Throws<OperatorParameterException>(() =>
            new HashOperator().Validate(Params("X", ("salt", salt)))).Parameter);
    }

    [Fact]
    public void Hash_refuses_md5()
    {
        Assert.Equal("hash_type", Assert.Throws<OperatorParameterException>(() =>
            new HashOperator().Validate(Params("X", ("hash_type", "md5")))).Parameter);
    }

    [Fact]
    public void Decrypt_reads_a_value_presidio_produced()
    {
        // From Presidio's REST documentation: the PERSON of "My name is …" encrypted with this key.
        var parameters = Params("PERSON", ("key", "WmZq4t7w!z%C&F)J"));
        Assert.Equal("Chloë", new DecryptOperator().Operate("S184CMt9Drj7QaKQ21JTrpYzghnboTF9pn/neN8JME0=", parameters));
    }

    [Theory]
    [InlineData("WmZq4t7w!z%C&F)J", "AAECAwQFBgcICQoLDA0OD1lsidd-eHA6nscCl1xRO_2JLdxPjM02HoGOj3qQHYSD")]
    [InlineData("key-of-24-bytes-length!!", "AAECAwQFBgcICQoLDA0ODzC2fOHvyU8et2n2CH-UJMyK2CmE0__U1t1ckcWUyaC7")]
    [InlineData("0123456789abcdef0123456789abcdef", "AAECAwQFBgcICQoLDA0OD65XdsXjPGTUeQiqzczsZD28PWOrzoJwM6plCkgVk7vg")]
    public void Encrypt_with_fixed_iv_matches_presidio_format_for_every_key_size(string key, string expected)
    {
        // Expected values produced independently: openssl enc -aes-N-cbc with IV 00..0f, then URL-safe base64(IV ‖ ciphertext).
        const string plain = "Jane Doe <jane@example.com> ü";
        byte[] iv = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];
        var keyBytes = AesCbcCipher.KeyBytes(key);
        Assert.Equal(expected, AesCbcCipher.Encrypt(keyBytes, plain, iv));
        Assert.Equal(plain, new DecryptOperator().Operate(expected, Params("X", ("key", key))));
        Assert.Equal(plain, new DecryptOperator().Operate(expected.Replace('-', '+').Replace('_', '/'), Params("X", ("key", key))));
    }

    [Fact]
    public void Encrypt_round_trips_with_a_random_iv()
    {
        var parameters = Params("X", ("key", "0123456789abcdef"));
        var op = new EncryptOperator();
        op.Validate(parameters);
        var first = op.Operate("secret value", parameters);
        var second = op.Operate("secret value", parameters);
        Assert.NotEqual(first, second);
        Assert.Equal("secret value", new DecryptOperator().Operate(first, parameters));
        Assert.Equal("secret value", new DecryptOperator().Operate(second, parameters));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("fifteen-bytes!!")]
    [InlineData("seventeen-bytes!!")]
    public void Encrypt_rejects_missing_or_wrong_size_keys(string? key)
    {
        Assert.Equal("key", Assert.Throws<OperatorParameterException>(() => new EncryptOperator().Validate(Params("X", ("key", key)))).Parameter);
    }

    [Fact]
    public void Decrypt_of_garbage_is_a_cryptographic_error_without_the_value()
    {
        var parameters = Params("X", ("key", "0123456789abcdef"));
        var error = Assert.ThrowsAny<CryptographicException>(() => new DecryptOperator().Operate("not base64 at all!", parameters));
        Assert.DoesNotContain("not base64 at all", error.Message, StringComparison.Ordinal);
        Assert.ThrowsAny<CryptographicException>(() => new DecryptOperator().Operate("AAAA", parameters));
    }
}
