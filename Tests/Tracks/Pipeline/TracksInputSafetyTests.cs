using PiiOrleans.Grains.Interfaces.Jobs;
using PiiOrleans.Grains.Security;
using PiiOrleans.Tracks;

namespace PiiOrleans.Tests.Tracks.Pipeline;

/// <summary>Issue 16, cases 1–3 and 12: the tracks job reads and deletes only what it should, and never reports an empty success.</summary>
public class TracksInputSafetyTests
{
    private static TracksJobParameters Params(TracksTestTree t, bool force = false) =>
        new(t.Input, t.Output, t.Mapping, Seed: 42, Answers: TracksTestTree.StandardAnswers(), Force: force);

    [Fact]
    public async Task Issue16_case1_tree_folders_are_names_inside_the_input_not_paths()
    {
        using var t = TracksTestTree.Standard();
        await using var h = await TracksJobHarness.StartAsync();
        var error = await Assert.ThrowsAsync<JobParameterException>(() => h.RunAsync(Params(t) with { RunsDir = "../.." }));
        Assert.Contains("\"runsDir\" must be a folder name", error.Message);
        Assert.False(File.Exists(t.Mapping));
    }

    [Fact]
    public async Task Issue16_case1_paths_outside_the_data_roots_are_refused_without_saying_whether_they_exist()
    {
        using var t = TracksTestTree.Standard();
        using var other = new TracksTestTree();
        await using var h = await TracksJobHarness.StartAsync();
        h.Roots = JobDataRoots.Of([other.Root]);
        var error = await Assert.ThrowsAsync<JobParameterException>(() => h.RunAsync(Params(t)));
        Assert.Contains("outside the silo's data roots", error.Message);
        var missing = await Assert.ThrowsAsync<JobParameterException>(() => h.RunAsync(Params(t) with { Input = "/no/such/folder" }));
        Assert.Equal(error.Message.Replace("\"input\"", string.Empty), missing.Message.Replace("\"input\"", string.Empty));

        h.Roots = JobDataRoots.None;
        var none = await Assert.ThrowsAsync<JobParameterException>(() => h.RunAsync(Params(t)));
        Assert.Contains("accepts no job paths", none.Message);

        h.Roots = JobDataRoots.Of([t.Root]);
        var (outcome, _, _) = await h.RunAsync(Params(t));
        Assert.Equal(0, outcome.ExitCode);
    }

    [Fact]
    public async Task Issue16_case1_a_link_inside_a_data_root_that_points_out_of_it_is_refused()
    {
        using var t = TracksTestTree.Standard();
        using var root = new TracksTestTree();
        string link = Path.Combine(root.Root, "export");
        File.CreateSymbolicLink(link, t.Input);
        await using var h = await TracksJobHarness.StartAsync();
        h.Roots = JobDataRoots.Of([root.Root]);
        var error = await Assert.ThrowsAsync<JobParameterException>(() =>
            h.RunAsync(Params(t) with { Input = link, Output = Path.Combine(root.Root, "out"), Mapping = Path.Combine(root.Root, "m.db") }));
        Assert.Contains("outside the silo's data roots", error.Message);
        var dotted = await Assert.ThrowsAsync<JobParameterException>(() =>
            h.RunAsync(Params(t) with { Input = Path.Combine(root.Root, "..", Path.GetFileName(t.Root), "input") }));
        Assert.Contains("outside the silo's data roots", dotted.Message);
    }

    [Fact]
    public async Task Issue16_case2_a_symbolic_link_in_the_input_is_refused_and_its_target_never_published()
    {
        using var t = TracksTestTree.Standard();
        string secret = Path.Combine(t.Root, "secret.txt");
        File.WriteAllText(secret, "root:x:0:0:secret\n");
        File.CreateSymbolicLink(Path.Combine(t.Input, "runs", "task1", "x"), secret);
        await using var h = await TracksJobHarness.StartAsync();
        var error = await Assert.ThrowsAsync<JobParameterException>(() => h.RunAsync(Params(t)));
        Assert.Contains("'runs/task1/x' is a symbolic link", error.Message);
        Assert.DoesNotContain("secret", error.Message);
        Assert.Empty(t.OutputFiles());
    }

    [Fact]
    public async Task Issue16_case3_force_replaces_only_the_tree_folders()
    {
        using var t = TracksTestTree.Standard();
        Directory.CreateDirectory(Path.Combine(t.Output, "runs", "old"));
        File.WriteAllText(Path.Combine(t.Output, "runs", "old", "stale"), "x");
        File.WriteAllText(Path.Combine(t.Output, "keep.txt"), "mine");
        Directory.CreateDirectory(Path.Combine(t.Output, "notes"));
        File.WriteAllText(Path.Combine(t.Output, "notes", "n.txt"), "mine too");
        await using var h = await TracksJobHarness.StartAsync();
        var (outcome, _, _) = await h.RunAsync(Params(t, force: true));
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(t.Output, "keep.txt")));
        Assert.Equal("mine too", File.ReadAllText(Path.Combine(t.Output, "notes", "n.txt")));
        Assert.False(File.Exists(Path.Combine(t.Output, "runs", "old", "stale")));
        Assert.Contains("runs/task1/tulips", t.OutputFiles());
    }

    [Fact]
    public async Task Issue16_case12_an_empty_tree_or_a_wrong_root_is_an_error_naming_what_was_expected()
    {
        using var t = TracksTestTree.Standard();
        await using var h = await TracksJobHarness.StartAsync();
        var wrongRoot = await Assert.ThrowsAsync<JobParameterException>(() => h.RunAsync(Params(t) with { Input = Path.Combine(t.Input, "runs") }));
        Assert.Contains("none of the folders runs/, metadata/, eval/", wrongRoot.Message);

        using var empty = new TracksTestTree();
        Directory.CreateDirectory(Path.Combine(empty.Input, "runs"));
        var none = await Assert.ThrowsAsync<JobParameterException>(() => h.RunAsync(Params(empty)));
        Assert.Contains("has no files", none.Message);
    }

    [Fact]
    public async Task Issue16_case12_bytes_that_are_not_utf8_are_an_error_with_file_and_line()
    {
        using var t = TracksTestTree.Standard();
        byte[] latin1 = [.. "1 Q0 doc1 1 0.5 team2-run2\n2 Q0 d"u8, 0xE9, 0xFF, .. " 1 0.4 team2-run2\n"u8];
        File.WriteAllBytes(Path.Combine(t.Input, "runs", "task1", "team2-run2"), latin1);
        await using var h = await TracksJobHarness.StartAsync();
        var error = await Assert.ThrowsAsync<JobParameterException>(() => h.RunAsync(Params(t)));
        Assert.Contains("runs/task1/team2-run2 line 2 is not valid UTF-8", error.Message);
        Assert.Empty(t.OutputFiles());
    }

    [Fact]
    public async Task Issue16_case11_errors_jsonl_keeps_the_first_runs_issues_after_resume()
    {
        using var t = TracksTestTree.Standard();
        await using var h = await TracksJobHarness.StartAsync();
        await h.RunAsync(Params(t));
        var first = File.ReadAllLines(t.ErrorReport);
        // Issues in two files; only one of them is redone, so the resumed run reports some but not all of them.
        Assert.Contains(first, l => l.Contains("\"runs/task1/team1-run1\"", StringComparison.Ordinal));
        Assert.Contains(first, l => !l.Contains("\"runs/task1/team1-run1\"", StringComparison.Ordinal));
        File.Delete(Path.Combine(t.Output, "runs/task1/tulips"));

        var (outcome, _, _) = await h.RunAsync(Params(t) with { Resume = true });

        Assert.Equal(0, outcome.ExitCode);
        var second = File.ReadAllLines(t.ErrorReport);
        static IEnumerable<string> WithoutTime(IEnumerable<string> lines) =>
            lines.Select(l => System.Text.RegularExpressions.Regex.Replace(l, "\"timestamp\": \"[^\"]*\"", string.Empty)).Order(StringComparer.Ordinal);
        Assert.Equal(WithoutTime(first), WithoutTime(second));
    }
}
