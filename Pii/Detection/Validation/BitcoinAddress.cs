using System.Security.Cryptography;

namespace PiiOrleans.Pii.Detection.Validation;

/// <summary>Bitcoin address checksums: Base58Check (P2PKH/P2SH, double SHA-256) and Bech32/Bech32m (segwit, BIP-173/350).</summary>
public static class BitcoinAddress
{
    private const string Base58Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private const string Bech32Alphabet = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

    /// <summary>True when <paramref name="value"/> decodes to 25 bytes whose last 4 are the double-SHA-256 checksum.</summary>
    public static bool IsValidBase58Check(ReadOnlySpan<char> value)
    {
        if (value.Length is < 26 or > 35) return false;
        Span<byte> bytes = stackalloc byte[25];
        bytes.Clear();
        foreach (char c in value)
        {
            int carry = Base58Alphabet.IndexOf(c);
            if (carry < 0) return false;
            for (int i = bytes.Length - 1; i >= 0; i--)
            {
                carry += 58 * bytes[i];
                bytes[i] = (byte)carry;
                carry >>= 8;
            }
            if (carry != 0) return false; // more than 25 bytes
        }
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(bytes[..21], hash);
        SHA256.HashData(hash, hash);
        return hash[..4].SequenceEqual(bytes[21..]);
    }

    /// <summary>True when <paramref name="value"/> is a Bech32 or Bech32m string with a valid checksum (single case).</summary>
    public static bool IsValidBech32(ReadOnlySpan<char> value)
    {
        if (value.Length is < 14 or > 90) return false;
        bool hasLower = false, hasUpper = false;
        foreach (char c in value) { hasLower |= char.IsAsciiLetterLower(c); hasUpper |= char.IsAsciiLetterUpper(c); }
        if (hasLower && hasUpper) return false;
        int sep = value.LastIndexOf('1');
        if (sep < 1 || sep + 7 > value.Length) return false;
        uint chk = 1;
        for (int i = 0; i < sep; i++) chk = PolyMod(chk, (uint)(char.ToLowerInvariant(value[i]) >> 5));
        chk = PolyMod(chk, 0);
        for (int i = 0; i < sep; i++) chk = PolyMod(chk, (uint)(char.ToLowerInvariant(value[i]) & 31));
        for (int i = sep + 1; i < value.Length; i++)
        {
            int v = Bech32Alphabet.IndexOf(char.ToLowerInvariant(value[i]));
            if (v < 0) return false;
            chk = PolyMod(chk, (uint)v);
        }
        return chk == 1 || chk == 0x2bc830a3;
    }

    private static uint PolyMod(uint chk, uint value)
    {
        uint top = chk >> 25;
        chk = ((chk & 0x1ffffff) << 5) ^ value;
        if ((top & 1) != 0) chk ^= 0x3b6a57b2;
        if ((top & 2) != 0) chk ^= 0x26508e6d;
        if ((top & 4) != 0) chk ^= 0x1ea119fa;
        if ((top & 8) != 0) chk ^= 0x3d4233dd;
        if ((top & 16) != 0) chk ^= 0x2a1462b3;
        return chk;
    }
}
