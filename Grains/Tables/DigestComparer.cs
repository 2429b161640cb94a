using System.Buffers.Binary;

namespace PiiOrleans.Grains.Tables;

/// <summary>Compares HMAC digests by content; their first eight bytes are already a uniform hash.</summary>
internal sealed class DigestComparer : IEqualityComparer<byte[]>
{
    /// <summary>The shared instance.</summary>
    public static DigestComparer Instance { get; } = new();

    /// <inheritdoc />
    public bool Equals(byte[]? x, byte[]? y) => x is null ? y is null : y is not null && x.AsSpan().SequenceEqual(y);

    /// <inheritdoc />
    public int GetHashCode(byte[] obj) => obj.Length >= 4 ? BinaryPrimitives.ReadInt32LittleEndian(obj) : obj.Length;
}
