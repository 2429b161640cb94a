using System.Buffers.Binary;

namespace PiiOrleans.Tables;

/// <summary>
/// Compares HMAC digests by content; their first eight bytes are already a uniform hash. Digests on the stack look up
/// stored ones as spans (no array per lookup).
/// </summary>
internal sealed class DigestComparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
{
    /// <summary>The shared instance.</summary>
    public static DigestComparer Instance { get; } = new();

    /// <inheritdoc />
    public bool Equals(byte[]? x, byte[]? y) => x is null ? y is null : y is not null && x.AsSpan().SequenceEqual(y);

    /// <inheritdoc />
    public int GetHashCode(byte[] obj) => GetHashCode(obj.AsSpan());

    /// <inheritdoc />
    public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

    /// <inheritdoc />
    public int GetHashCode(ReadOnlySpan<byte> alternate) =>
        alternate.Length >= 4 ? BinaryPrimitives.ReadInt32LittleEndian(alternate) : alternate.Length;

    /// <inheritdoc />
    public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();
}
