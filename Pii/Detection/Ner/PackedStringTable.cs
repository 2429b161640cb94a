using System.Runtime.InteropServices;

namespace PiiOrleans.Pii.Detection.Ner;

/// <summary>
/// A read-only list of distinct strings packed into one character array, looked up by span without allocating (ordinal
/// comparison). It holds the big word lists (the gazetteer's names and places, the word-vector words: about 250,000
/// entries) in four arrays instead of one string object and one hash entry per word: less than half the memory, and
/// a handful of objects for every full garbage collection to trace instead of a quarter of a million.
/// </summary>
public sealed class PackedStringTable
{
    private readonly char[] chars;

    // String i is chars[starts[i]..starts[i + 1]].
    private readonly int[] starts;

    // Open addressing, linear probing: index + 1 of the string whose hash lands here, 0 = empty. A power of two at
    // least twice the count, so probes stay short.
    private readonly int[] slots;

    private PackedStringTable(char[] chars, int[] starts, int[] slots)
    {
        this.chars = chars;
        this.starts = starts;
        this.slots = slots;
    }

    /// <summary>Number of strings.</summary>
    public int Count => starts.Length - 1;

    /// <summary>String <paramref name="index"/> (in the order they were added).</summary>
    public ReadOnlySpan<char> this[int index] => chars.AsSpan(starts[index], starts[index + 1] - starts[index]);

    /// <summary>Whether <paramref name="value"/> is in the table.</summary>
    public bool Contains(ReadOnlySpan<char> value) => IndexOf(value) >= 0;

    /// <summary>The index of <paramref name="value"/> (its position when added), or -1.</summary>
    public int IndexOf(ReadOnlySpan<char> value) => Find(chars, starts, slots, value, out _);

    // The index of value, or -1 with the empty slot where it would go (shared by lookups and the builder).
    private static int Find(char[] chars, ReadOnlySpan<int> starts, int[] slots, ReadOnlySpan<char> value, out int emptySlot)
    {
        var mask = slots.Length - 1;
        for (var slot = Hash(value) & mask; ; slot = (slot + 1) & mask)
        {
            var entry = slots[slot] - 1;
            if (entry < 0)
            {
                emptySlot = slot;
                return -1;
            }

            if (chars.AsSpan(starts[entry], starts[entry + 1] - starts[entry]).SequenceEqual(value))
            {
                emptySlot = -1;
                return entry;
            }
        }
    }

    private static int Hash(ReadOnlySpan<char> value) => string.GetHashCode(value) & int.MaxValue;

    /// <summary>Collects strings, then packs them (<see cref="Build"/>).</summary>
    public sealed class Builder
    {
        private char[] chars = new char[1024];
        private int length;
        private readonly List<int> starts = [0];
        private int[] slots = new int[64];

        /// <summary>Number of strings added.</summary>
        public int Count => starts.Count - 1;

        /// <summary>Adds <paramref name="value"/> unless it is there already; its index either way.</summary>
        public bool TryAdd(ReadOnlySpan<char> value, out int index)
        {
            index = Find(chars, CollectionsMarshal.AsSpan(starts), slots, value, out var slot);
            if (index >= 0)
            {
                return false;
            }

            if (length + value.Length > chars.Length)
            {
                Array.Resize(ref chars, Math.Max(chars.Length * 2, length + value.Length));
            }

            value.CopyTo(chars.AsSpan(length));
            length += value.Length;
            starts.Add(length);
            index = Count - 1;
            slots[slot] = index + 1;
            if (Count * 2 > slots.Length)
            {
                slots = Rehash(chars, starts, slots.Length * 2);
            }

            return true;
        }

        /// <summary>The packed table (arrays trimmed to size).</summary>
        public PackedStringTable Build()
        {
            var packed = chars.AsSpan(0, length).ToArray();
            var size = 64;
            while (size < Count * 2)
            {
                size *= 2;
            }

            return new PackedStringTable(packed, [.. starts], Rehash(packed, starts, size));
        }

        private static int[] Rehash(char[] chars, List<int> starts, int size)
        {
            var slots = new int[size];
            var mask = size - 1;
            for (var i = 0; i < starts.Count - 1; i++)
            {
                var slot = Hash(chars.AsSpan(starts[i], starts[i + 1] - starts[i])) & mask;
                while (slots[slot] != 0)
                {
                    slot = (slot + 1) & mask;
                }

                slots[slot] = i + 1;
            }

            return slots;
        }
    }
}
