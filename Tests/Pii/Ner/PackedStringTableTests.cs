using PiiOrleans.Pii.Detection.Ner;

namespace PiiOrleans.Tests.Pii.Ner;

/// <summary>The packed word table answers exactly as a hash set of the same strings, keeps insertion order, and refuses repeats.</summary>
public sealed class PackedStringTableTests
{
    [Fact]
    public void Lookups_agree_with_a_hash_set_over_many_words()
    {
        var random = new Random(7);
        var words = Enumerable.Range(0, 50_000).Select(_ => RandomWord(random)).ToList();
        var builder = new PackedStringTable.Builder();
        var expected = new List<string>();
        foreach (var word in words)
        {
            if (builder.TryAdd(word, out var index))
            {
                Assert.Equal(expected.Count, index);
                expected.Add(word);
            }
            else
            {
                Assert.Equal(word, expected[index]);
            }
        }

        var table = builder.Build();
        Assert.Equal(expected.Count, table.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(i, table.IndexOf(expected[i]));
            Assert.Equal(expected[i], table[i].ToString());
        }

        var set = expected.ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < 20_000; i++)
        {
            var probe = RandomWord(random);
            Assert.Equal(set.Contains(probe), table.Contains(probe));
        }
    }

    [Fact]
    public void Comparison_is_ordinal_and_whole_word()
    {
        var builder = new PackedStringTable.Builder();
        builder.TryAdd("Zürich", out _);
        builder.TryAdd("Paris", out _);
        var table = builder.Build();

        Assert.True(table.Contains("Zürich"));
        Assert.False(table.Contains("zürich"));
        Assert.False(table.Contains("Pari"));
        Assert.False(table.Contains("Parisx"));
        Assert.False(table.Contains(""));
        Assert.Equal(1, table.IndexOf("Paris".AsSpan()));
    }

    [Fact]
    public void An_empty_table_finds_nothing()
    {
        var table = new PackedStringTable.Builder().Build();
        Assert.Equal(0, table.Count);
        Assert.False(table.Contains("a"));
        Assert.Equal(-1, table.IndexOf(""));
    }

    private static string RandomWord(Random random)
    {
        const string letters = "abcdefghijklmnopqrstuvwxyzéüß";
        var chars = new char[random.Next(1, 7)];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = letters[random.Next(letters.Length)];
        }

        return new string(chars);
    }
}
