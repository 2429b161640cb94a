using PiiOrleans.Tracks.Json;

namespace PiiOrleans.Tests.Tracks.Files;

public class PyJsonTests
{
    // Spec §3.12: rewritten lines must be byte-identical to Python json.dumps(obj, separators=(",", ":")).
    [Theory]
    [InlineData("{\"a\": 0.50}", "{\"a\":0.5}")]
    [InlineData("{\"a\": 1E5}", "{\"a\":100000.0}")]
    [InlineData("{\"a\": 1e-5}", "{\"a\":1e-05}")]
    [InlineData("{\"a\": 1e100}", "{\"a\":1e+100}")]
    [InlineData("{\"a\": 1.5e16}", "{\"a\":1.5e+16}")]
    [InlineData("{\"a\": 123456789012345678901234567890}", "{\"a\":123456789012345678901234567890}")]
    [InlineData("{\"a\": -0}", "{\"a\":0}")]
    [InlineData("{\"a\": -0.0}", "{\"a\":-0.0}")]
    [InlineData("{\"a\": NaN, \"b\": Infinity, \"c\": -Infinity}", "{\"a\":NaN,\"b\":Infinity,\"c\":-Infinity}")]
    [InlineData("{\"e\": \"\u00e9\", \"s\": \"\U0001F600\"}", "{\"e\":\"\\u00e9\",\"s\":\"\\ud83d\\ude00\"}")]
    [InlineData("{\"p\": \"a/b\\\"c\\\\d\\n\\t\\u0001\"}", "{\"p\":\"a/b\\\"c\\\\d\\n\\t\\u0001\"}")]
    [InlineData("{\"k\": 1, \"j\": 2, \"k\": 3}", "{\"k\":3,\"j\":2}")]
    [InlineData("  [1, [true, false, null], {}]  ", "[1,[true,false,null],{}]")]
    [InlineData("{\"a\": 0.1, \"b\": 1.0, \"c\": 0.0001, \"d\": 0.00001234}", "{\"a\":0.1,\"b\":1.0,\"c\":0.0001,\"d\":1.234e-05}")]
    public void Compact_matches_python(string input, string expected) =>
        Assert.Equal(expected, PyJsonWriter.Compact(PyJsonReader.Parse(input)));

    [Theory]
    [InlineData("", "Expecting value: line 1 column 1 (char 0)")]
    [InlineData("{\"a\":1} x", "Extra data: line 1 column 9 (char 8)")]
    [InlineData("{\"a\" 1}", "Expecting ':' delimiter: line 1 column 6 (char 5)")]
    [InlineData("{\"a\":01}", "Expecting ',' delimiter: line 1 column 7 (char 6)")]
    public void Errors_are_python_shaped(string input, string message) =>
        Assert.Equal(message, Assert.Throws<PyJsonException>(() => PyJsonReader.Parse(input)).Message);

    [Fact]
    public void Spaced_uses_default_separators() =>
        Assert.Equal("{\"key\": \"text\", \"l\": [\"a\", \"b\"]}", PyJsonWriter.Spaced(PyJsonReader.Parse("{\"key\":\"text\",\"l\":[\"a\",\"b\"]}")));
}
