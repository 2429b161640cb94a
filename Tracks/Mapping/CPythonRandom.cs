using System.Numerics;

namespace PiiOrleans.Tracks.Mapping;

/// <summary>
/// An exact replica of CPython's <c>random.Random(seed)</c> for integer seeds (MT19937 with <c>init_by_array</c>),
/// limited to what the pseudonym pools need: <see cref="NextUInt32"/>, <see cref="RandBelow"/> and <see cref="Shuffle{T}"/>.
/// </summary>
public sealed class CPythonRandom
{
    private const int N = 624;
    private const int M = 397;
    private const uint MatrixA = 0x9908B0DF;
    private const uint UpperMask = 0x80000000;
    private const uint LowerMask = 0x7FFFFFFF;

    private readonly uint[] _mt = new uint[N];
    private int _index;

    /// <summary>Seeds like CPython's <c>random.seed(n)</c> for an int <paramref name="seed"/> (the sign is ignored, as CPython does).</summary>
    public CPythonRandom(BigInteger seed)
    {
        InitByArray(KeyFromSeed(BigInteger.Abs(seed)));
    }

    /// <summary>Seeds like CPython's <c>random.seed(n)</c> for an int <paramref name="seed"/>.</summary>
    public CPythonRandom(long seed)
        : this(new BigInteger(seed))
    {
    }

    /// <summary>The next 32-bit output of the generator (CPython's <c>genrand_uint32</c>).</summary>
    public uint NextUInt32()
    {
        if (_index >= N)
        {
            Twist();
        }

        uint y = _mt[_index++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9D2C5680;
        y ^= (y << 15) & 0xEFC60000;
        y ^= y >> 18;
        return y;
    }

    /// <summary>A uniform integer in [0, <paramref name="n"/>) drawn like CPython's <c>_randbelow_with_getrandbits</c>.</summary>
    public int RandBelow(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        int k = 32 - BitOperations.LeadingZeroCount((uint)n);
        uint r = NextUInt32() >> (32 - k);
        while (r >= (uint)n)
        {
            r = NextUInt32() >> (32 - k);
        }

        return (int)r;
    }

    /// <summary>Shuffles <paramref name="items"/> in place exactly like CPython's <c>random.shuffle</c>.</summary>
    public void Shuffle<T>(IList<T> items)
    {
        for (int i = items.Count - 1; i > 0; i--)
        {
            int j = RandBelow(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static uint[] KeyFromSeed(BigInteger n)
    {
        if (n.IsZero)
        {
            return [0u];
        }

        // 32-bit words, least significant first, as CPython's random_seed builds the key.
        var words = new List<uint>();
        var mask = new BigInteger(uint.MaxValue);
        while (!n.IsZero)
        {
            words.Add((uint)(n & mask));
            n >>= 32;
        }

        return [.. words];
    }

    private void InitGenrand(uint s)
    {
        _mt[0] = s;
        for (int i = 1; i < N; i++)
        {
            _mt[i] = unchecked((1812433253u * (_mt[i - 1] ^ (_mt[i - 1] >> 30))) + (uint)i);
        }

        _index = N;
    }

    private void InitByArray(uint[] key)
    {
        InitGenrand(19650218u);
        int i = 1;
        int j = 0;
        for (int k = Math.Max(N, key.Length); k > 0; k--)
        {
            _mt[i] = unchecked((_mt[i] ^ ((_mt[i - 1] ^ (_mt[i - 1] >> 30)) * 1664525u)) + key[j] + (uint)j);
            i++;
            j++;
            if (i >= N)
            {
                _mt[0] = _mt[N - 1];
                i = 1;
            }

            if (j >= key.Length)
            {
                j = 0;
            }
        }

        for (int k = N - 1; k > 0; k--)
        {
            _mt[i] = unchecked((_mt[i] ^ ((_mt[i - 1] ^ (_mt[i - 1] >> 30)) * 1566083941u)) - (uint)i);
            i++;
            if (i >= N)
            {
                _mt[0] = _mt[N - 1];
                i = 1;
            }
        }

        _mt[0] = 0x80000000u;
        _index = N;
    }

    private void Twist()
    {
        uint y;
        int kk;
        for (kk = 0; kk < N - M; kk++)
        {
            y = (_mt[kk] & UpperMask) | (_mt[kk + 1] & LowerMask);
            _mt[kk] = _mt[kk + M] ^ (y >> 1) ^ ((y & 1u) * MatrixA);
        }

        for (; kk < N - 1; kk++)
        {
            y = (_mt[kk] & UpperMask) | (_mt[kk + 1] & LowerMask);
            _mt[kk] = _mt[kk + (M - N)] ^ (y >> 1) ^ ((y & 1u) * MatrixA);
        }

        y = (_mt[N - 1] & UpperMask) | (_mt[0] & LowerMask);
        _mt[N - 1] = _mt[M - 1] ^ (y >> 1) ^ ((y & 1u) * MatrixA);
        _index = 0;
    }
}
