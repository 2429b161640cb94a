using System.Security.Cryptography;
using System.Text;
using PiiOrleans.Grains.Tracks;
using PiiOrleans.Tracks.Mapping;

namespace PiiOrleans.Tests.Tracks.Mapping;

public class PseudonymPoolTests
{
    [Fact]
    public void Plantimals_are_the_exact_list()
    {
        Assert.Equal(269, Plantimals.Names.Count);
        Assert.Equal("c4e1e7004088d75d058e498bc7b98e45801d1f6c0f129a8421ee4ec6ca74245a", Sha256Lines(Plantimals.Names));
    }

    // Spec §5.9, generated with CPython.
    [Theory]
    [InlineData(0L, "T440 T786 T161 T550 T238 T390 T658 T508 T125 T291", "clover badger vole octopi lark lynx hyenas yam frog yew", "dun dop wot ful pin")]
    [InlineData(1L, "T853 T837 T281 T576 T209 T610 T932 T726 T048 T985", "pineap hornet squid eel dill walnut fox ewe perch oats", "vud cox kus vor wed")]
    [InlineData(42L, "T873 T507 T895 T354 T034 T711 T086 T932 T265 T365", "tulips weevl algae scarab bug radish sunfis newton cub shallt", "fit rap fus fun tik")]
    [InlineData(12345L, "T384 T307 T476 T633 T415 T640 T710 T485 T968 T466", "pineap gnu salmon algae peanut lime horses mollus seal mushrm", "zig pok wul zam zuv")]
    [InlineData(2147483647L, "T332 T580 T393 T733 T055 T486 T249 T523 T966 T763", "fungus finch doe buffet tern vole locust melons sparrow reed", "xof ben fit gis rec")]
    public void Pools_start_like_CPython(long seed, string teams, string runs, string firstCvc)
    {
        var teamPool = PseudonymPool.ForTeams(seed);
        var runPool = PseudonymPool.ForRuns(seed);
        Assert.Equal(teams, string.Join(' ', Enumerable.Range(0, 10).Select(i => teamPool[i])));
        Assert.Equal(runs, string.Join(' ', Enumerable.Range(0, 10).Select(i => runPool[i])));
        Assert.Equal(firstCvc, string.Join(' ', Enumerable.Range(269, 5).Select(i => runPool[i])));
    }

    [Theory]
    [InlineData(0L, "178cc60422dcb8e471a029901d7730b3dca1e464ae946d394be9a3119ac548f0", "cbff4282c1a79f77af8035f141ba00be6a2c09d1853fa4450090ff31321f7f32")]
    [InlineData(1L, "d5056c4fade01fbcbe42ca6df1f9f740d9ac028adddeaed03ed2ca00965a9532", "f16a79e4938d21058cdfc9caa73ac85d6dee5135f5f86ee4ebe66704c5d80f43")]
    [InlineData(42L, "f4eb345f5fa55cb51b0e0250f83747e11004ee4934202fed10217d49bbc159a2", "edd88a979954aeafe1a7bf61b3dc9c4eb49b9fedf83d4287819b79d25432a797")]
    [InlineData(12345L, "b1b2f9072e7379b38bbbca19d502bd7dca297c0b0c5c8095ff84ac9d714a5e3c", "e2e0800664fe7babf960d41ff90697c7c064e1c9403d67b0a58612ee9b7b0853")]
    [InlineData(2147483647L, "95b4fd3c2c79d5725e0693c7964627e8079a183dd984932c9ed937162ffd9696", "83ab2166363a305f4f3abf0eeb5c6818b17015a8b0febc465fd6e63a5c3fda50")]
    public void Whole_compatible_pools_hash_like_CPython(long seed, string teamHash, string runHash)
    {
        var teamPool = PseudonymPool.ForTeams(seed);
        var runPool = PseudonymPool.ForRuns(seed);
        Assert.Equal(999, teamPool.CompatibleCount);
        Assert.Equal(2055, runPool.CompatibleCount);
        Assert.Equal(teamHash, Sha256Lines(Enumerable.Range(0, teamPool.CompatibleCount).Select(i => teamPool[i])));
        Assert.Equal(runHash, Sha256Lines(Enumerable.Range(0, runPool.CompatibleCount).Select(i => runPool[i])));
    }

    [Fact]
    public void Last_entries_match_the_spec()
    {
        var team0 = PseudonymPool.ForTeams(0);
        var run0 = PseudonymPool.ForRuns(0);
        Assert.Equal("T777 T395 T865", string.Join(' ', new[] { team0[996], team0[997], team0[998] }));
        Assert.Equal("ver loz bol", string.Join(' ', new[] { run0[2052], run0[2053], run0[2054] }));
        var team42 = PseudonymPool.ForTeams(42);
        var run42 = PseudonymPool.ForRuns(42);
        Assert.Equal("T026 T115 T655", string.Join(' ', new[] { team42[996], team42[997], team42[998] }));
        Assert.Equal("tar tel top", string.Join(' ', new[] { run42[2052], run42[2053], run42[2054] }));
    }

    [Fact]
    public void Extensions_are_distinct_deterministic_and_follow_the_compatible_names()
    {
        var teams = PseudonymPool.ForTeams(42);
        var runs = PseudonymPool.ForRuns(42);
        var allTeams = Enumerable.Range(0, teams.Capacity).Select(i => teams[i]).ToList();
        var allRuns = Enumerable.Range(0, runs.Capacity).Select(i => runs[i]).ToList();
        Assert.Equal(9999, allTeams.Count);
        Assert.Equal(allTeams.Count, allTeams.Distinct(StringComparer.Ordinal).Count());
        Assert.True(allTeams.Skip(999).All(name => name.Length == 5 && name[0] == 'T' && name.Skip(1).All(char.IsAsciiDigit)));
        Assert.Equal(allRuns.Count, allRuns.Distinct(StringComparer.Ordinal).Count());
        Assert.True(allRuns.Skip(2055).All(name => name.Length is 4 or 5 && name.All(char.IsAsciiLetterLower)));
        Assert.DoesNotContain(allRuns.Skip(2055), Plantimals.Names.Contains);
        Assert.True(runs.Capacity > 150_000);

        var again = PseudonymPool.ForRuns(42);
        Assert.Equal(allRuns[2055], again[2055]);
        Assert.Equal(allRuns[^1], again[runs.Capacity - 1]);
        Assert.NotEqual(PseudonymPool.ForRuns(1)[2055], allRuns[2055]);
    }

    private static string Sha256Lines(IEnumerable<string> lines) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines))));
}
