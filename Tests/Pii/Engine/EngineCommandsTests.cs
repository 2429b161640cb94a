using System.Text.Json;
using PiiOrleans.Client;

namespace PiiOrleans.Tests.Pii.Engine;

/// <summary>The in-process engine commands of the client: analyze, anonymize, eval.</summary>
public sealed class EngineCommandsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("piiorleans-engine-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        // The NER model is measured by its own tests; these stay fast and model-free.
        args = [.. args, "--no-ner"];
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await ClientCommandLine.RunAsync(args, new ClientEnvironment(output, error, terminalAttached: false));
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Analyze_text_prints_json_results()
    {
        var (exit, output, _) = await Run("analyze", "--text", "Write to bob@example.com");
        Assert.Equal(0, exit);
        var result = Assert.Single(JsonDocument.Parse(output).RootElement.EnumerateArray());
        Assert.Equal("EMAIL_ADDRESS", result.GetProperty("entity_type").GetString());
        Assert.Equal(9, result.GetProperty("start").GetInt32());
        Assert.Equal(24, result.GetProperty("end").GetInt32());
        Assert.InRange(result.GetProperty("score").GetDouble(), 0.5, 1);
    }

    [Fact]
    public async Task Analyze_jsonl_streams_one_line_per_input_line()
    {
        var input = Path.Combine(_directory, "in.jsonl");
        var output = Path.Combine(_directory, "out.jsonl");
        await File.WriteAllLinesAsync(input,
        [
            """{"id": 1, "text": "ip 192.168.1.100 and bob@example.com"}""",
            "",
            """{"id": "b", "text": "nothing here"}""",
            """{"id": {"k": 3}, "text": "😀 bob@example.com"}""",
        ]);

        var (exit, _, error) = await Run("analyze", "--input", input, "--output", output, "--entities", "EMAIL_ADDRESS");
        Assert.True(exit == 0, error);
        var lines = (await File.ReadAllLinesAsync(output)).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, lines.Count);
        Assert.Equal(1, lines[0].GetProperty("id").GetInt32());
        Assert.Equal(["EMAIL_ADDRESS"], lines[0].GetProperty("results").EnumerateArray().Select(r => r.GetProperty("entity_type").GetString()));
        Assert.Equal("b", lines[1].GetProperty("id").GetString());
        Assert.Empty(lines[1].GetProperty("results").EnumerateArray());
        Assert.Equal(3, lines[2].GetProperty("id").GetProperty("k").GetInt32());
        Assert.Equal(3, lines[2].GetProperty("results")[0].GetProperty("start").GetInt32()); // UTF-16: the emoji counts 2
        Assert.Empty(Directory.GetFiles(_directory, "*.tmp"));
    }

    [Fact]
    public async Task Analyze_bad_line_names_file_and_line_and_leaves_no_output()
    {
        var input = Path.Combine(_directory, "bad.jsonl");
        var output = Path.Combine(_directory, "out.jsonl");
        await File.WriteAllLinesAsync(input, ["""{"id": 1, "text": "secret@example.com"}""", """{"id": 2}"""]);
        var (exit, _, error) = await Run("analyze", "--input", input, "--output", output);
        Assert.Equal(1, exit);
        Assert.Contains($"{input} line 2", error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
        Assert.Empty(Directory.GetFiles(_directory, "*.tmp"));
    }

    [Fact]
    public async Task Anonymize_text_uses_the_config_file()
    {
        var config = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Pii", "Configuration", "vana-presidio-config.json");
        var (exit, output, _) = await Run("anonymize", "--config", config, "--text", "Mail alice.smith@example.com now");
        Assert.Equal(0, exit);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal("Mail al*********@e******.com now", root.GetProperty("text").GetString());
        var item = Assert.Single(root.GetProperty("items").EnumerateArray());
        Assert.Equal("mask_email", item.GetProperty("operator").GetString());
        Assert.Equal(5, item.GetProperty("start").GetInt32());

        var (_, plain, _) = await Run("anonymize", "--text-only", "--text", "SSN 719-42-8063, mail bob@example.com", "--entities", "US_SSN");
        Assert.Equal("SSN <US_SSN>, mail bob@example.com", plain.Trim());
    }

    [Fact]
    public async Task Anonymize_jsonl_to_stdout()
    {
        var input = Path.Combine(_directory, "in.jsonl");
        await File.WriteAllLinesAsync(input, ["""{"id": 7, "text": "card 4111 1111 1111 1111"}"""]);
        var (exit, output, _) = await Run("anonymize", "--input", input);
        Assert.Equal(0, exit);
        var line = JsonDocument.Parse(output.Trim()).RootElement;
        Assert.Equal(7, line.GetProperty("id").GetInt32());
        Assert.Equal("card <CREDIT_CARD>", line.GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("analyze")]
    [InlineData("analyze", "--text", "x", "--input", "y.jsonl")]
    [InlineData("analyze", "--text", "x", "--threshold", "2")]
    [InlineData("analyze", "--input", "/nonexistent/in.jsonl")]
    [InlineData("anonymize", "--text", "x", "--config", "/nonexistent/config.json")]
    [InlineData("eval", "--input", "/nonexistent/labelled.json")]
    public async Task Usage_errors_exit_1_with_a_message(params string[] args)
    {
        var (exit, _, error) = await Run(args);
        Assert.Equal(1, exit);
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_config_names_the_field()
    {
        var config = Path.Combine(_directory, "bad.json");
        await File.WriteAllTextAsync(config, """{"entities": {"p": {"entity_type": "PERSON", "anonymization_strategy": "encrypt"}}}""");
        var (exit, _, error) = await Run("anonymize", "--config", config, "--text", "x");
        Assert.Equal(1, exit);
        Assert.Contains("$.entities.p.anonymization_params.key", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_prints_the_metrics_table()
    {
        var labelled = Path.Combine(_directory, "labelled.json");
        await File.WriteAllTextAsync(labelled, """
            [
              {"full_text": "Mail bob@example.com today", "spans": [{"entity_type": "EMAIL_ADDRESS", "entity_value": "bob@example.com", "start_position": 5, "end_position": 20}]},
              {"full_text": "Her IP is 10.1.2.3.", "spans": [{"entity_type": "IP_ADDRESS", "entity_value": "10.1.2.3", "start_position": 10, "end_position": 18}]}
            ]
            """);
        var (exit, output, error) = await Run("eval", "--input", labelled);
        Assert.True(exit == 0, error);
        Assert.Contains("2 samples", output, StringComparison.Ordinal);
        Assert.Matches(@"EMAIL_ADDRESS\s+1\s+1 \|\s+1\.000\s+1\.000", output);
        Assert.Matches(@"IP_ADDRESS\s+1\s+1 \|\s+1\.000\s+1\.000", output);
    }
}
