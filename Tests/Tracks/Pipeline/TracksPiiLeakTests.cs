using PiiOrleans.Pii.Detection;
using PiiOrleans.Pii.Engine;
using PiiOrleans.Tracks;
using PiiOrleans.Tracks.Planning;
using PiiOrleans.Tracks.Writing;

namespace PiiOrleans.Tests.Tracks.Pipeline;

/// <summary>
/// Issue 16, case 9: e-mails outside <c>metadata</c> are found with <c>--scan-pii</c>; <c>--scan-pii</c> leaves
/// lower-case vocabulary such as "automatic" alone; original team and run names in free text are replaced by default;
/// questions show a field path and a masked value, never an input line.
/// </summary>
public sealed class TracksPiiLeakTests
{
    private static TracksJobParameters Params(TracksTestTree t) => new(t.Input, t.Output, t.Mapping, Seed: 42);

    [Fact]
    public async Task Issue16_case9_scan_pii_redacts_emails_in_references_unknown_keys_and_nested_metadata()
    {
        using var t = new TracksTestTree();
        t.Add("runs/t/r1",
            """{"metadata":{"team_id":"a","topic_id":"1","details":{"owner":"carol@example.net"}},"references":["see bob@example.com"],"contact_info":"alice@example.org","responses":[{"text":"fine"}]}""",
            """{"references":[{"mail":"erin@example.com"}],"responses":[{"text":"fine"}]}""");
        t.Add("metadata/t/m.jl", """{"runtag":"r1","details":{"contact":"dave@example.com"},"contacts":["frank@example.com"]}""");
        await using var h = await TracksJobHarness.StartAsync();

        // The e-mail inside metadata is the existing per-field decision (answered by policy here).
        var (outcome, _, _) = await h.RunAsync(Params(t) with { ScanPii = true, Policies = new Dictionary<string, string> { [TracksQuestionKinds.Email] = "redact" } });

        Assert.Equal(0, outcome.ExitCode);
        var run = t.ReadOutput("runs/t/tulips");
        var metadata = t.ReadOutput("metadata/t/m.jl");
        Assert.DoesNotContain("@example", run);
        Assert.DoesNotContain("@example", metadata);
        Assert.Contains("\"references\":[\"see [REDACTED]\"]", run);
        Assert.Contains("\"contact\":\"[REDACTED]\"", metadata);
        // The issues name the field and a masked address, never the address.
        var issues = File.ReadAllText(t.ErrorReport);
        Assert.Contains("references[0]", issues);
        Assert.DoesNotContain("bob@example.com", issues);
    }

    [Fact]
    public async Task Issue16_case9_original_team_and_run_names_in_free_text_are_replaced_by_default()
    {
        using var t = new TracksTestTree();
        t.Add("runs/t/team2-run1",
            """{"metadata":{"team_id":"team2","topic_id":"1","narrative":"Test narrative for team2"},"responses":[{"text":"team2-run1 is the best run of team2."}]}""");
        await using var h = await TracksJobHarness.StartAsync();

        var (outcome, _, _) = await h.RunAsync(Params(t));

        Assert.Equal(0, outcome.ExitCode);
        var file = Assert.Single(t.OutputFiles(), f => f.StartsWith("runs/", StringComparison.Ordinal));
        var run = t.ReadOutput(file);
        Assert.DoesNotContain("team2", run);
        Assert.Contains("\"narrative\":\"Test narrative for T", run);
    }

    [Fact]
    public void Issue16_case9_scan_pii_does_not_take_lower_case_words_for_organisations()
    {
        // A recognizer that, like the model did, calls "automatic" an organisation; "Acme" is a real one.
        var engine = PiiEngine.Create(null, [new OrganisationGuess()]);
        var text = new PiiEngineTrackTextEngine(engine);

        Assert.Equal("automatic", text.Anonymize("automatic"));
        Assert.Equal("run type: automatic", text.Anonymize("run type: automatic"));
        Assert.DoesNotContain("Acme", text.Anonymize("built by Acme"));
        Assert.DoesNotContain("bob@example.com", text.Anonymize("mail bob@example.com"));
    }

    [Fact]
    public async Task Issue16_case9_questions_show_a_masked_sample_not_the_input_line()
    {
        using var t = TracksTestTree.Standard();
        await using var h = await TracksJobHarness.StartAsync();

        var (_, result, _) = await h.RunAsync(Params(t));

        var question = Assert.Single(result.OpenQuestions, q => q.Key == "tsv_format:runs/task1/ranking");
        // The file is named (a path); its line is shown only as a masked shape.
        var sample = question.Context![question.Context!.IndexOf("sample:", StringComparison.Ordinal)..];
        Assert.Equal("sample: line 1: # Q* d*** # # t*********", sample);
        Assert.DoesNotContain("doc1", question.Prompt + question.Context);
    }

    [Theory]
    [InlineData("1 Q0 doc1 1 0.5 team2-run2", 3, "line 3: # Q* d*** # # t*********")]
    [InlineData("", 1, "line 1: ")]
    public void Issue16_case9_sample_lines_are_masked(string line, int number, string expected) =>
        Assert.Equal(expected, MaskedSampleLine.Describe(line, number));

    private sealed class OrganisationGuess : IEntityRecognizer
    {
        public string Name => "organisation-guess";

        public IReadOnlyList<string> SupportedEntities { get; } = [EntityTypes.Organization];

        public void Analyze(string text, RecognitionRequest request, List<RecognizerResult> results)
        {
            foreach (var word in new[] { "automatic", "Acme" })
            {
                var at = text.IndexOf(word, StringComparison.Ordinal);
                if (at >= 0)
                {
                    results.Add(new RecognizerResult(EntityTypes.Organization, at, at + word.Length, 0.85, Name));
                }
            }
        }
    }
}
