using PiiOrleans.Client;

namespace PiiOrleans.Tests.Tracks.Pipeline;

public class TracksCommandTests
{
    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new ClientEnvironment(output, error, terminalAttached: false);
        int exit = await ClientCommandLine.RunAsync(args, environment);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Anonymize_on_an_embedded_silo_lists_open_questions_then_succeeds_with_an_answers_file()
    {
        using var t = TracksTestTree.Standard();
        string[] common = ["tracks", "anonymize", "-i", t.Input, "-o", t.Output, "-m", t.Mapping, "--seed", "42"];

        var (exit, output, _) = await RunAsync(common);
        Assert.Equal(5, exit);
        Assert.Contains("key: tsv_format:runs/task1/ranking", output);
        Assert.Contains("nothing was written", output);
        Assert.Empty(t.OutputFiles());

        string answersFile = Path.Combine(t.Root, "answers.json");
        string saved = Path.Combine(t.Root, "saved.json");
        File.WriteAllText(answersFile, System.Text.Json.JsonSerializer.Serialize(new { answers = TracksTestTree.StandardAnswers() }));
        (exit, output, _) = await RunAsync([.. common, "--answers", answersFile, "--save-answers", saved]);
        Assert.Equal(0, exit);
        Assert.Contains("Anonymization Complete", output);
        Assert.Contains("runs/task1/tulips", t.OutputFiles());
        Assert.Contains("\"unknown_run:task1/mystery\": \"create\"", File.ReadAllText(saved));
    }

    [Fact]
    public async Task A_bad_answers_file_is_an_error_naming_the_file()
    {
        using var t = TracksTestTree.Standard();
        string answersFile = Path.Combine(t.Root, "bad.json");
        File.WriteAllText(answersFile, """{"policies": {"email": "shred"}}""");
        var (exit, _, error) = await RunAsync("tracks", "anonymize", "-i", t.Input, "-o", t.Output, "-m", t.Mapping, "--answers", answersFile);
        Assert.Equal(1, exit);
        Assert.Contains("policy 'email' cannot be 'shred'", error + "");
    }
}
