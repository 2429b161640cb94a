using System.Text.Json;
using PiiOrleans.Grains.Tracks;
using PiiOrleans.Tracks.Mapping;

namespace PiiOrleans.Tests.Tracks.Mapping;

public class RepairPatternHashTests
{
    // Spec §7.2 test vectors.
    [Theory]
    [InlineData("""{"title":"T","text":"Body"}""", "dict:['text', 'title']", "550d9182cef0e456")]
    [InlineData("null", "NoneType", "9d29a758a4c55413")]
    [InlineData("""["a","b"]""", "list:str", "fbd54da4ea686f09")]
    [InlineData("[]", "list", "139f0a74f21e9ad9")]
    [InlineData("7", "int", "fff0e2bb053c1fa8")]
    public void Matches_the_spec_vectors(string json, string structure, string hash)
    {
        using var document = JsonDocument.Parse(json);
        Assert.Equal(structure, RepairPatternHash.Structure(document.RootElement));
        Assert.Equal(hash, RepairPatternHash.Compute("metadata.narrative", document.RootElement));
    }

    [Theory]
    [InlineData("1.5", "float")]
    [InlineData("1e5", "float")]
    [InlineData("true", "bool")]
    [InlineData("[{\"a\":1}]", "list:dict")]
    [InlineData("[[1]]", "list:list")]
    [InlineData("[null]", "list:NoneType")]
    public void Uses_Python_type_names(string json, string structure)
    {
        using var document = JsonDocument.Parse(json);
        Assert.Equal(structure, RepairPatternHash.Structure(document.RootElement));
    }

    [Theory]
    [InlineData("it's", "\"it's\"")]
    [InlineData("a'b\"c", "'a\\'b\"c'")]
    [InlineData("tab\there", "'tab\\there'")]
    [InlineData("é", "'é'")]
    [InlineData("\u0001", "'\\x01'")]
    [InlineData("\u200b", "'\\u200b'")]
    public void Reprs_strings_like_Python(string text, string repr) => Assert.Equal(repr, RepairPatternHash.PythonRepr(text));
}
