using System.Numerics;
using PiiOrleans.Grains.Tracks;
using PiiOrleans.Tracks.Mapping;

namespace PiiOrleans.Tests.Tracks.Mapping;

public class CPythonRandomTests
{
    [Theory]
    [InlineData(42L, new uint[] { 2746317213, 478163327, 107420369, 3184935163, 1181241943 })]
    [InlineData(0L, new uint[] { 3626764237, 1654615998, 3255389356, 3823568514, 1806341205 })]
    public void First_outputs_match_CPython(long seed, uint[] expected)
    {
        var random = new CPythonRandom(seed);
        var actual = expected.Select(_ => random.NextUInt32()).ToArray();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Negative_seed_uses_its_absolute_value_like_CPython()
    {
        var negative = new CPythonRandom(-7);
        var positive = new CPythonRandom(7);
        for (int i = 0; i < 10; i++)
        {
            Assert.Equal(positive.NextUInt32(), negative.NextUInt32());
        }
    }

    [Fact]
    public void Seeds_wider_than_32_bits_use_every_word()
    {
        var wide = new CPythonRandom(BigInteger.Pow(2, 32) + 5);
        var narrow = new CPythonRandom(5);
        Assert.NotEqual(narrow.NextUInt32(), wide.NextUInt32());
    }

    [Fact]
    public void RandBelow_stays_in_range()
    {
        var random = new CPythonRandom(1);
        for (int n = 1; n < 300; n++)
        {
            int r = random.RandBelow(n);
            Assert.InRange(r, 0, n - 1);
        }
    }
}
