using System.Text.Json;
using PiiOrleans.Grains.Interfaces.Jobs;
using PiiOrleans.Grains.Interfaces.Tracks;
using PiiOrleans.Grains.Jobs;
using PiiOrleans.Tracks;

namespace PiiOrleans.Tests.Tracks.Pipeline;

public class TracksJobTests
{
    private static TracksJobParameters Params(TracksTestTree t, Dictionary<string, string>? answers = null, Dictionary<string, string>? policies = null) =>
        new(t.Input, t.Output, t.Mapping, Seed: 42, Answers: answers, Policies: policies);

    [Fact]
    public async Task Bug3_without_answers_the_job_stops_before_writing_and_lists_every_question()
    {
        using var t = TracksTestTree.Standard();
        await using var h = await TracksJobHarness.StartAsync();
        var (outcome, result, _) = await h.RunAsync(Params(t));
        Assert.Equal(TracksExitCodes.UnansweredQuestions, outcome.ExitCode);
        Assert.Equal(
            ["email:task1:email", "email:task1:metadata.contact", "eval_run_id:task1/mystery.eval", "malformed:metadata.narrative:550d9182cef0e456",
             "tsv_format:eval/task1/ir_measures", "tsv_format:eval/task1/trec_eval", "tsv_format:runs/task1/ranking"],
            result.OpenQuestions.Select(q => q.Key).Order(StringComparer.Ordinal));
        Assert.Empty(t.OutputFiles());
        Assert.DoesNotContain(result.OpenQuestions, q => q.Context?.Contains("bob@team1.org", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Answers_produce_the_anonymized_tree()
    {
        using var t = TracksTestTree.Standard();
        await using var h = await TracksJobHarness.StartAsync();
        var (outcome, result, _) = await h.RunAsync(Params(t, TracksTestTree.StandardAnswers()));
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(
            ["eval/task1/algae.eval", "eval/task1/tulips", "eval/task1/tulips.judge.method", "eval/task1/weevl.ir_measures",
             "metadata/task1/meta.jl", "runs/task1/tulips", "runs/task1/weevl"],
            t.OutputFiles());
        Assert.Equal(
            """{"metadata":{"team_id":"T873","run_id":"tulips","topic_id":"983","contact":"[REDACTED]"},"responses":[{"text":"some text"}]}""" + "\n" +
            """{"metadata":{"team_id":"T873","topic_id":"986","narrative":"Body","run_id":"tulips"},"responses":[{"text":"more text"}]}""" + "\n",
            t.ReadOutput("runs/task1/tulips"));
        Assert.Equal("1\tQ0\tdoc1\t1\t0.5\tweevl\n2\tQ0\tdoc2\t1\t0.4\tweevl\n", t.ReadOutput("runs/task1/weevl"));
        Assert.Equal(
            """{"runtag":"tulips","org":"T873","std-priority":"1 (top)"}""" + "\n" + """{"runtag":"weevl","org":"T507","std-priority":"2"}""" + "\n",
            t.ReadOutput("metadata/task1/meta.jl"));
        Assert.Equal("tulips\t101\tndcg\t0.5\ntulips\t102\tndcg\t0.25\n", t.ReadOutput("eval/task1/tulips.judge.method"));
        // BUG-6: the header row stays a header.
        Assert.Equal("run_id topic_id measure value\nweevl\t101\tndcg\t0.5\n", t.ReadOutput("eval/task1/weevl.ir_measures"));
        // BUG-19/20: real trec_eval output; only the runid line changes.
        Assert.Equal("runid\tall\ttulips\nmap all 0.3\nP_5 all 0.2\n", t.ReadOutput("eval/task1/tulips"));
        Assert.Equal("runid\tall\talgae\nmap all 0.1\n", t.ReadOutput("eval/task1/algae.eval"));
        Assert.Equal(2, result.Summary!.Fingerprints);
        Assert.Equal(2, result.TeamsInMapping);
        Assert.Equal(3, result.RunsInMapping);
    }

    [Fact]
    public async Task Bug8_and_limit2_no_output_name_keeps_an_original_run_name_and_dot_files_are_ignored()
    {
        using var t = TracksTestTree.Standard();
        await using var h = await TracksJobHarness.StartAsync();
        var (_, result, _) = await h.RunAsync(Params(t, TracksTestTree.StandardAnswers()));
        Assert.All(t.OutputFiles(), f => Assert.DoesNotContain("team", f, StringComparison.Ordinal));
        Assert.DoesNotContain(result.Files, f => f.FileName == ".DS_Store");
    }

    [Fact]
    public async Task Questions_are_asked_through_the_job_and_recorded_for_save_answers()
    {
        using var t = TracksTestTree.Standard();
        await using var h = await TracksJobHarness.StartAsync();
        var answers = TracksTestTree.StandardAnswers();
        var p = Params(t) with { Interactive = true };
        var (outcome, result, ctx) = await h.RunAsync(p, q => answers.GetValueOrDefault(q.Key));
        Assert.Equal(0, outcome.ExitCode);
        // eval_run_id is answered in round 1; the unknown run it names is asked in round 2.
        Assert.Contains(ctx.Asked, q => q.Key == "unknown_run:task1/mystery");
        Assert.Equal(answers.Count, result.AnswersGiven.Count);
        Assert.True(File.Exists(Path.Combine(t.Output, "eval/task1/algae.eval")));
    }

    [Fact]
    public async Task Policies_answer_whole_question_kinds()
    {
        using var t = TracksTestTree.Standard();
        await using var h = await TracksJobHarness.StartAsync();
        var policies = new Dictionary<string, string>
        {
            ["email"] = "redact",
            ["malformed"] = "drop_field",
            ["tsv_format"] = "detected",
            ["eval_run_id"] = "longest_known_prefix",
            ["unknown_run"] = "skip_file",
        };
        var (outcome, result, _) = await h.RunAsync(Params(t, policies: policies));
        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("\"email\":\"[REDACTED]\"", t.ReadOutput("metadata/task1/meta.jl"));
        Assert.DoesNotContain("narrative", t.ReadOutput("runs/task1/tulips"));
        Assert.Contains(result.Files, f => f.FileName == "mystery.eval" && f.Action == TrackFileAction.Skip);
    }

    [Fact]
    public async Task Dry_run_prints_the_plan_and_writes_nothing()
    {
        using var t = TracksTestTree.Standard();
        await using var h = await TracksJobHarness.StartAsync();
        var (outcome, result, _) = await h.RunAsync(Params(t) with { DryRun = true });
        Assert.Equal(0, outcome.ExitCode);
        Assert.True(result.DryRun);
        Assert.False(Directory.Exists(t.Output));
        Assert.False(File.Exists(t.Mapping));
        Assert.Equal(7, result.OpenQuestions.Count);
        var run = Assert.Single(result.Files, f => f.RelativePath == "runs/task1/team1-run1");
        Assert.Equal("runs/task1/tulips", run.OutputRelativePath);
        Assert.Equal("T873", result.Teams["team1"]);
    }

    [Fact]
    public async Task Resume_skips_files_whose_output_still_matches()
    {
        using var t = TracksTestTree.Standard();
        await using var h = await TracksJobHarness.StartAsync();
        var p = Params(t, TracksTestTree.StandardAnswers());
        await h.RunAsync(p);
        File.Delete(Path.Combine(t.Output, "runs/task1/weevl"));
        var (outcome, result, _) = await h.RunAsync(p with { Resume = true });
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(6, result.Summary!.FilesResumed);
        Assert.True(File.Exists(Path.Combine(t.Output, "runs/task1/weevl")));
    }

    [Fact]
    public async Task Bug10_non_empty_output_is_refused_and_force_removes_stale_files()
    {
        using var t = TracksTestTree.Standard();
        await using var h = await TracksJobHarness.StartAsync();
        Directory.CreateDirectory(Path.Combine(t.Output, "runs/task1"));
        File.WriteAllText(Path.Combine(t.Output, "runs/task1/stale"), "x");
        var ex = await Assert.ThrowsAsync<JobParameterException>(() => h.RunAsync(Params(t, TracksTestTree.StandardAnswers())));
        Assert.Contains("--force", ex.Message);
        var (outcome, _, _) = await h.RunAsync(Params(t, TracksTestTree.StandardAnswers()) with { Force = true });
        Assert.Equal(0, outcome.ExitCode);
        Assert.DoesNotContain("runs/task1/stale", t.OutputFiles());
    }

    [Fact]
    public async Task Bug10_output_inside_input_is_refused()
    {
        using var t = TracksTestTree.Standard();
        await using var h = await TracksJobHarness.StartAsync();
        var ex = await Assert.ThrowsAsync<JobParameterException>(() => h.RunAsync(Params(t) with { Output = Path.Combine(t.Input, "out") }));
        Assert.Contains("must not be the input", ex.Message);
    }

    [Fact]
    public async Task Bug10_two_files_with_one_output_name_are_refused_before_writing()
    {
        using var t = new TracksTestTree();
        t.Add("runs/t/r1", """{"metadata":{"team_id":"a"}}""");
        t.Add("eval/t/q1", "map all 0.1");
        t.Add("eval/t/q2", "map all 0.2");
        await using var h = await TracksJobHarness.StartAsync();
        var answers = new Dictionary<string, string> { ["eval_run_id:t/q1"] = "r1", ["eval_run_id:t/q2"] = "r1", ["tsv_format:eval/t/trec_eval"] = "trec_eval" };
        var ex = await Assert.ThrowsAsync<JobParameterException>(() => h.RunAsync(Params(t, answers)));
        Assert.Contains("would both be written", ex.Message);
        Assert.Empty(t.OutputFiles());
    }

    [Fact]
    public async Task Bug11_errors_jsonl_is_next_to_the_mapping_and_holds_no_raw_emails()
    {
        using var t = TracksTestTree.Standard();
        await using var h = await TracksJobHarness.StartAsync();
        var (_, result, _) = await h.RunAsync(Params(t, TracksTestTree.StandardAnswers()));
        Assert.Equal(t.ErrorReport, result.ErrorReportPath);
        string report = File.ReadAllText(t.ErrorReport);
        Assert.Contains("\"issue_type\": \"email_found\"", report);
        Assert.DoesNotContain("alice@team1.org", report);
        Assert.DoesNotContain("bob@team1.org", report);
        Assert.DoesNotContain("errors.jsonl", t.OutputFiles());
    }

    [Fact]
    public async Task An_attempt_resumed_after_a_lost_silo_counts_each_file_and_issue_once()
    {
        using var t = TracksTestTree.Standard();
        await using var h = await TracksJobHarness.StartAsync();
        var answers = TracksTestTree.StandardAnswers();
        answers["tsv_format:runs/task1/ranking"] = "skip";
        var first = new TracksJobHarness.ScriptedJobContext(h.GrainFactory, null);
        var (_, once, _) = await h.RunAsync(Params(t, answers), context: first);
        var issuesOnce = File.ReadAllLines(t.ErrorReport).Length;

        // The same job again as its next attempt (its silo was lost after the files were written): the job's report
        // grain still holds the first attempt's results.
        var resumed = new TracksJobHarness.ScriptedJobContext(h.GrainFactory, null)
        {
            JobId = first.JobId,
            Attempt = 2,
            Checkpoint = JsonSerializer.SerializeToElement(new { output_prepared = true }),
        };
        var (outcome, again, _) = await h.RunAsync(Params(t, answers), context: resumed);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("job_resumed", resumed.Warnings);
        Assert.True(once.Summary!.LinesRead > 0 && once.Summary.IssuesByType.Count > 0);
        Assert.Equal(once.Summary.LinesRead, again.Summary!.LinesRead);
        Assert.Equal(once.Summary.FilesProcessed, again.Summary.FilesProcessed);
        // Every issue once, not once per attempt. (The first attempt's "Creating a run mapping from metadata" warning is
        // not repeated: by the second attempt the mapping knows that run.)
        Assert.All(again.Summary.IssuesByType, kv => Assert.Equal(once.Summary.IssuesByType[kv.Key], kv.Value));
        Assert.Equal(once.Summary.IssuesByType["email_found"], again.Summary.IssuesByType["email_found"]);
        Assert.InRange(File.ReadAllLines(t.ErrorReport).Length, issuesOnce - 1, issuesOnce);
    }

    [Fact]
    public async Task Bug4_a_skip_answer_really_skips_the_file()
    {
        using var t = TracksTestTree.Standard();
        await using var h = await TracksJobHarness.StartAsync();
        var answers = TracksTestTree.StandardAnswers();
        answers["tsv_format:runs/task1/ranking"] = "skip";
        var (outcome, result, _) = await h.RunAsync(Params(t, answers));
        Assert.Equal(0, outcome.ExitCode);
        Assert.Single(t.OutputFiles(), f => f.StartsWith("runs/", StringComparison.Ordinal));
        Assert.Equal(1, result.Summary!.FilesSkipped);
    }

    [Fact]
    public async Task Bug7_unknown_run_of_a_column_format_eval_file_asks_like_trec_eval()
    {
        using var t = new TracksTestTree();
        t.Add("runs/t/r1", """{"metadata":{"team_id":"a"}}""");
        t.Add("eval/t/ghost.ir_measures", "ghost 1 ndcg 0.5");
        await using var h = await TracksJobHarness.StartAsync();
        var (outcome, result, _) = await h.RunAsync(Params(t, policies: new() { ["eval_run_id"] = "longest_known_prefix", ["tsv_format"] = "detected" }));
        Assert.Equal(TracksExitCodes.UnansweredQuestions, outcome.ExitCode);
        Assert.Equal("unknown_run:t/ghost", Assert.Single(result.OpenQuestions).Key);
    }

    [Fact]
    public async Task Bug9_priority_filter_skips_non_object_metadata_lines()
    {
        using var t = TracksTestTree.Standard();
        t.Add("metadata/task1/more.jl", "[1]", "42", """{"runtag":"team1-run1","std-priority":"1 (top)"}""");
        await using var h = await TracksJobHarness.StartAsync();
        var (outcome, result, _) = await h.RunAsync(Params(t, TracksTestTree.StandardAnswers()) with { Priority = "1 (top)" });
        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains(result.Files, f => f.FileName == "team2-run2" && f.Action == TrackFileAction.Filtered);
        Assert.DoesNotContain("weevl", t.ReadOutput("metadata/task1/meta.jl"));
        Assert.Contains(result.Summary!.IssuesByType, kv => kv.Key == "parse_error");
    }

    [Fact]
    public async Task Bug17_a_confirmed_header_hint_keeps_its_run_id_columns()
    {
        using var t = new TracksTestTree();
        t.Add("runs/t/r1", """{"metadata":{"team_id":"a"}}""");
        t.Add("eval/t/r1.sys", "system query_id score", "r1 1 0.5");
        await using var h = await TracksJobHarness.StartAsync();
        var (outcome, _, _) = await h.RunAsync(Params(t, new() { ["tsv_format:eval/t/ranking"] = "ranking" }));
        Assert.Equal(0, outcome.ExitCode);
        var name = Assert.Single(t.OutputFiles(), f => f.StartsWith("eval/", StringComparison.Ordinal));
        Assert.Equal("system query_id score\ntulips\t1\t0.5\n", t.ReadOutput(name));
    }

    [Fact]
    public async Task Limit5_scan_pii_replaces_known_team_and_run_names_in_text()
    {
        using var t = new TracksTestTree();
        t.Add("runs/t/team1-run1", """{"metadata":{"team_id":"team1","topic_id":"1"},"responses":[{"text":"team1-run1 by team1 beat others."}]}""");
        await using var h = await TracksJobHarness.StartAsync();
        var (outcome, _, _) = await h.RunAsync(Params(t) with { ScanPii = true });
        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("\"text\":\"tulips by T873 beat others.\"", t.ReadOutput("runs/t/tulips"));
    }

    [Fact]
    public async Task Scan_pii_runs_the_configured_engine_over_free_text_and_metadata()
    {
        using var t = new TracksTestTree();
        t.Add("runs/t/r1", """{"metadata":{"team_id":"a","topic_id":"1","note":"ask Alice"},"responses":[{"text":"Alice wrote this."}]}""");
        t.Add("metadata/t/m.jl", """{"runtag":"r1","description":"by Alice"}""");
        await using var h = await TracksJobHarness.StartAsync(new PersonEngine());
        var (outcome, _, ctx) = await h.RunAsync(Params(t) with { ScanPii = true });
        Assert.Equal(0, outcome.ExitCode);
        Assert.Empty(ctx.Warnings);
        string run = t.ReadOutput("runs/t/tulips");
        Assert.Contains("\"text\":\"<PERSON> wrote this.\"", run);
        Assert.Contains("\"note\":\"ask <PERSON>\"", run);
        Assert.Contains("\"description\":\"by <PERSON>\"", t.ReadOutput("metadata/t/m.jl"));
    }

    private sealed class PersonEngine : PiiOrleans.Tracks.Writing.ITrackTextEngine
    {
        public string Anonymize(string text) => text.Replace("Alice", "<PERSON>", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bug5_and_limit3_eval_file_named_exactly_like_a_run_and_ordinal_pseudonym_order()
    {
        using var t = new TracksTestTree();
        // Created in reverse order: pseudonyms still follow ordinal name order (LIMIT-3).
        t.Add("runs/t/b-run", """{"metadata":{"team_id":"b"}}""");
        t.Add("runs/t/a-run", """{"metadata":{"team_id":"a"}}""");
        t.Add("eval/t/b-run", "runid all b-run", "map all 0.5");
        await using var h = await TracksJobHarness.StartAsync();
        var (outcome, result, _) = await h.RunAsync(Params(t, policies: new() { ["tsv_format"] = "detected" }));
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("tulips", result.Runs["a-run"]);
        Assert.Equal("weevl", result.Runs["b-run"]);
        Assert.Equal("runid\tall\tweevl\nmap all 0.5\n", t.ReadOutput("eval/t/weevl"));
    }

    [Fact]
    public async Task Limit10_team_mismatch_is_logged_in_the_error_report()
    {
        using var t = new TracksTestTree();
        t.Add("runs/t/r1", """{"metadata":{"team_id":"acme"}}""");
        t.Add("metadata/t/m.jl", """{"runtag":"r1","org":"acme-corp"}""", """{"runtag":"r9","org":"x"}""");
        await using var h = await TracksJobHarness.StartAsync();
        var (outcome, _, _) = await h.RunAsync(Params(t));
        Assert.Equal(0, outcome.ExitCode);
        string report = File.ReadAllText(t.ErrorReport);
        Assert.Contains("Team mismatch", report);
        Assert.Contains("run not seen in runs/", report);
        Assert.Equal("""{"runtag":"tulips","org":"T507"}""" + "\n" + """{"runtag":"weevl","org":"T895"}""" + "\n", t.ReadOutput("metadata/t/m.jl"));
    }

    [Fact]
    public async Task Repair_answers_are_remembered_in_the_mapping_database()
    {
        using var t = TracksTestTree.Standard();
        await using var h = await TracksJobHarness.StartAsync();
        await h.RunAsync(Params(t, TracksTestTree.StandardAnswers()));
        var answers = TracksTestTree.StandardAnswers();
        answers.Remove("malformed:metadata.narrative:550d9182cef0e456");
        var (outcome, _, _) = await h.RunAsync(Params(t, answers) with { Force = true });
        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("\"narrative\":\"Body\"", t.ReadOutput("runs/task1/tulips"));
    }
}
