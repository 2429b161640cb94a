using System.Security.Cryptography;
using System.Text;

namespace PiiOrleans.Pii.Anonymization;

/// <summary>
/// Presidio's AESCipher format: key = UTF-8 bytes of the key string (16, 24 or 32 bytes), AES-CBC with PKCS7
/// padding and a random 16-byte IV, output = URL-safe base64 (with padding) of IV ‖ ciphertext, as Presidio's
/// <c>base64.urlsafe_b64encode</c>. Decryption accepts both alphabets (older Presidio versions wrote the standard one).
/// </summary>
public static class AesCbcCipher
{
    /// <summary>Throws <see cref="OperatorParameterException"/> unless <paramref name="key"/> is 128, 192 or 256 bits.</summary>
    public static byte[] KeyBytes(string? key)
    {
        if (key is null)
        {
            throw OperatorParameters.Missing("key");
        }

        var bytes = Encoding.UTF8.GetBytes(key);
        if (bytes.Length is not (16 or 24 or 32))
        {
            throw new OperatorParameterException("key", "Invalid input, key must be of length 128, 192 or 256 bits");
        }

        return bytes;
    }

    /// <summary>Encrypts <paramref name="plainText"/> with a fresh random IV, or with <paramref name="iv"/> (tests only).</summary>
    public static string Encrypt(byte[] key, string plainText, byte[]? iv = null)
    {
        using var aes = Aes.Create();
        aes.Key = key;
        iv ??= RandomNumberGenerator.GetBytes(16);
        var cipher = aes.EncryptCbc(Encoding.UTF8.GetBytes(plainText), iv, PaddingMode.PKCS7);
        var combined = new byte[iv.Length + cipher.Length];
        iv.CopyTo(combined, 0);
        cipher.CopyTo(combined, iv.Length);
        return Convert.ToBase64String(combined).Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Decrypts a value produced by <see cref="Encrypt"/> or by Presidio; throws <see cref="CryptographicException"/> on bad input.</summary>
    public static string Decrypt(byte[] key, string cipherText)
    {
        byte[] combined;
        try
        {
            var standard = cipherText.Trim().Replace('-', '+').Replace('_', '/');
            standard = standard.PadRight(standard.Length + ((4 - standard.Length % 4) % 4), '=');
            combined = Convert.FromBase64String(standard);
        }
        catch (FormatException e)
        {
            throw new CryptographicException("The encrypted value is not valid base64.", e);
        }

        if (combined.Length < 32 || combined.Length % 16 != 0)
        {
            throw new CryptographicException("The encrypted value is too short or not a whole number of AES blocks.");
        }

        using var aes = Aes.Create();
        aes.Key = key;
        var plain = aes.DecryptCbc(combined.AsSpan(16), combined.AsSpan(0, 16), PaddingMode.PKCS7);
        return Encoding.UTF8.GetString(plain);
    }
}
