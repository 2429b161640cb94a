namespace PiiOrleans.Tables;

/// <summary>
/// A fixed-size Bloom filter over 64-bit hashes: "absent" is certain, "present" may be wrong. It lets the pseudonym
/// store skip disk lookups for keys it never stored, in bounded memory (as it fills, it just answers "present" more
/// often and the lookups happen). Not thread-safe.
/// </summary>
internal sealed class BloomFilter
{
    private const int Probes = 4;
    private readonly ulong[] _words;
    private readonly uint _mask;

    /// <summary>A filter of 2^<paramref name="bitsLog2"/> bits.</summary>
    public BloomFilter(int bitsLog2)
    {
        _words = new ulong[(1 << bitsLog2) / 64];
        _mask = (1u << bitsLog2) - 1;
    }

    /// <summary>Records <paramref name="hash"/>.</summary>
    public void Add(ulong hash)
    {
        uint h1 = (uint)hash, h2 = (uint)(hash >> 32) | 1;
        for (uint k = 0; k < Probes; k++)
        {
            uint bit = (h1 + k * h2) & _mask;
            _words[bit >> 6] |= 1UL << (int)(bit & 63);
        }
    }

    /// <summary>False when <paramref name="hash"/> was certainly never added.</summary>
    public bool MayContain(ulong hash)
    {
        uint h1 = (uint)hash, h2 = (uint)(hash >> 32) | 1;
        for (uint k = 0; k < Probes; k++)
        {
            uint bit = (h1 + k * h2) & _mask;
            if ((_words[bit >> 6] & (1UL << (int)(bit & 63))) == 0)
            {
                return false;
            }
        }

        return true;
    }
}
