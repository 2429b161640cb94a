using System.Security.Cryptography;
using Orleans;

namespace PiiOrleans.Tables;

/// <summary>
/// The two secrets of a <see cref="SqlitePseudonymStore"/>: the HMAC key its digests of originals are keyed with and
/// the AES-GCM key that seals the originals. A durable store keeps them beside the job's state (whoever holds both the
/// keys and the file can read the mappings), so that another silo can reopen the file after the first one died.
/// </summary>
[GenerateSerializer, Immutable, Alias("piiorleans.tables.pseudonym-store-keys")]
public sealed record PseudonymStoreKeys(byte[] DigestKey, byte[] SealKey)
{
    /// <summary>Fresh random keys (32 bytes each).</summary>
    public static PseudonymStoreKeys Create() => new(RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32));
}
