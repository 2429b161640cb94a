using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace PiiOrleans.Tracks.Fingerprints;

/// <summary>Report fingerprints as Track Veil computes them: lower-case hex SHA-256 of UTF-8 <c>topic_id + "\0" + text</c>.</summary>
public static class Fingerprint
{
    /// <summary>The 64-character fingerprint of a report's resolved topic id and text.</summary>
    public static string Compute(string topicId, string text) => Compute(topicId.AsSpan(), text.AsSpan());

    /// <summary>The 64-character fingerprint of a report's resolved topic id and text.</summary>
    public static string Compute(ReadOnlySpan<char> topicId, ReadOnlySpan<char> text)
    {
        int maxBytes = Encoding.UTF8.GetMaxByteCount(topicId.Length + 1 + text.Length);
        byte[]? rented = null;
        Span<byte> buffer = maxBytes <= 1024 ? stackalloc byte[1024] : (rented = ArrayPool<byte>.Shared.Rent(maxBytes));
        try
        {
            int length = Encoding.UTF8.GetBytes(topicId, buffer);
            buffer[length++] = 0;
            length += Encoding.UTF8.GetBytes(text, buffer[length..]);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer[..length], hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
