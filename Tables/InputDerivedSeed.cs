using System.Buffers;
using System.Security.Cryptography;

namespace PiiOrleans.Tables;

/// <summary>
/// The default pseudonym seed of a tables job: SHA-256 of the input database's bytes (and of its WAL file, if any),
/// domain-separated. Fake surrogates are HMACs under the seed, so the same input gives the same pseudonyms (a re-run
/// gives the same file), while nobody without the whole input can compute the pseudonym of a guessed value: a fixed
/// default seed would let anyone do that, a random one would make every run different.
/// </summary>
public static class InputDerivedSeed
{
    private const int BufferSize = 1 << 20;

    /// <summary>The seed for <paramref name="inputPath"/>; null when the file cannot be read (the job reports that itself).</summary>
    public static string? Of(string inputPath)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            hash.AppendData("PiiOrleans tables pseudonym seed v1\0"u8);
            if (!Append(hash, inputPath, buffer))
            {
                return null;
            }

            hash.AppendData("\0wal\0"u8);
            Append(hash, inputPath + "-wal", buffer);
            return Convert.ToHexString(hash.GetHashAndReset());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool Append(IncrementalHash hash, string path, byte[] buffer)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        int read;
        while ((read = stream.Read(buffer, 0, BufferSize)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }

        return true;
    }
}
