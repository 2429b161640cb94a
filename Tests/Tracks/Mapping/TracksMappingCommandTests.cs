using System.CommandLine;
using System.Text.Json;
using PiiOrleans.Client.Commands;
using PiiOrleans.Grains.Interfaces.Tracks.Mapping;
using PiiOrleans.Grains.Tracks;
using PiiOrleans.Tracks.Mapping;

namespace PiiOrleans.Tests.Tracks.Mapping;

public sealed class TracksMappingCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly string _db;

    public TracksMappingCommandTests()
    {
        _db = _dir.File("mapping.db");
        TrackVeilDatabase.CreateRunA(_db);
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Show_mapping_table_has_Track_Veils_layout()
    {
        var (code, output, _) = Run("show-mapping", "-m", _db);
        Assert.Equal(0, code);
        Assert.Equal(
            """

            Team Mappings:
            ----------------------------------------
              team.org             -> T507
              team1                -> T873
              team2                -> T895

            Run Mappings:
            ----------------------------------------
              team.org-run.v1      -> weevl
              team.org-run.v2      -> radish
              team1-run1           -> tulips
              team1-run2           -> scarab
              team2-run1           -> bug
              team2-run2           -> algae

            Statistics:
            ----------------------------------------
              Teams mapped:      3
              Runs mapped:       6
              Fingerprints:      2
              Teams remaining:   996
              Runs remaining:    2049

            """,
            output);
    }

    [Fact]
    public void Show_mapping_json_is_in_row_order_with_stats()
    {
        var (code, output, _) = Run("show-mapping", "-m", _db, "-f", "json");
        Assert.Equal(0, code);
        Assert.StartsWith("{\n  \"teams\": {\n    \"team1\": \"T873\",\n    \"team.org\": \"T507\",", output);
        using var document = JsonDocument.Parse(output);
        Assert.Equal(6, document.RootElement.GetProperty("runs").EnumerateObject().Count());
        Assert.Equal(2049, document.RootElement.GetProperty("stats").GetProperty("runs_remaining").GetInt32());

        var (_, teamsOnly, _) = Run("show-mapping", "-m", _db, "-f", "json", "-t", "teams");
        using var teams = JsonDocument.Parse(teamsOnly);
        Assert.False(teams.RootElement.TryGetProperty("runs", out _));
    }

    [Fact]
    public void Show_mapping_csv_quotes_per_RFC_4180()
    {
        // BUG-14: Track Veil wrote names with commas unquoted.
        using (var store = MappingStore.Open(_db))
        {
            store.GetOrCreateTeam("acme, \"inc\"");
        }

        var (code, output, _) = Run("show-mapping", "-m", _db, "-f", "csv", "-t", "teams");
        Assert.Equal(0, code);
        Assert.Equal("type,original,anonymized\r\nteam,\"acme, \"\"inc\"\"\",T354\r\nteam,team.org,T507\r\nteam,team1,T873\r\nteam,team2,T895\r\n", output);
    }

    [Fact]
    public void Read_only_commands_leave_a_seedless_database_untouched()
    {
        // LIMIT-1: Track Veil wrote a seed when show-mapping opened a DB without one.
        var path = _dir.File("noseed.db");
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            TrackVeilDatabase.Execute(connection, TrackVeilDatabase.Schema);
        }

        var before = File.ReadAllBytes(path);
        Assert.Equal(0, Run("show-mapping", "-m", path).Code);
        Assert.Equal(0, Run("reverse-lookup", "-m", path, "koala").Code);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(["noseed.db"], Directory.GetFiles(_dir.Path, "noseed*").Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("T873-tulips", "T873-tulips -> team1-team1-run1", true)]
    [InlineData("foo-bar", "foo-bar -> ???-???", true)]
    [InlineData("tulips.x", "tulips.x -> ???.???", true)]
    [InlineData("T873_weevl", "T873_weevl -> team1_team.org-run.v1", true)]
    [InlineData("T507", "T507 (team) -> team.org", true)]
    [InlineData("radish", "radish (run) -> team.org-run.v2", true)]
    [InlineData("koala", "No mapping found for: koala", false)]
    public void Reverse_lookup_follows_Track_Veil(string value, string expected, bool toStdout)
    {
        var (code, output, error) = Run("reverse-lookup", "-m", _db, value);
        Assert.Equal(0, code);
        Assert.Equal(expected + Environment.NewLine, toStdout ? output : error);
    }

    [Fact]
    public void Missing_or_invalid_database_fails_with_a_message_not_a_stack_trace()
    {
        var (code, _, error) = Run("show-mapping", "-m", _dir.File("nope.db"));
        Assert.NotEqual(0, code);
        Assert.Contains("does not exist", error);

        var junk = _dir.File("junk.db");
        File.WriteAllText(junk, new string('x', 4096));
        (code, _, error) = Run("show-mapping", "-m", junk);
        Assert.Equal(1, code);
        Assert.Contains("is not a SQLite mapping database", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void Recover_mapping_matches_extensionless_run_files_and_reports_skips()
    {
        // BUG-1 and BUG-2: Track Veil never matched, and never read files without a .jsonl/.jl extension.
        var input = Directory.CreateDirectory(_dir.File("anon")).FullName;
        Directory.CreateDirectory(Path.Combine(input, "runs", "task1"));
        Directory.CreateDirectory(Path.Combine(input, "eval", "task1"));
        File.WriteAllText(Path.Combine(input, "runs", "task1", "weevl"),
            """{"metadata":{"team_id":"T507","run_id":"weevl","topic_id":"995"},"responses":[{"text":"Answer"}]}""" + "\n\n{broken\n");
        File.WriteAllText(Path.Combine(input, "runs", "task1", "tulips"),
            """{"metadata":{"team_id":"T873","run_id":"tulips","narrative_id":983},"answer":[{"text":"some"},{"text":"text"}]}""" + "\n"
            + """{"metadata":{"team_id":"T873","run_id":"tulips","topic_id":"999"},"responses":[{"text":"edited"}]}""" + "\n"
            + """{"metadata":{"team_id":"T873","run_id":"tulips"},"responses":[{"text":"no topic"}]}""" + "\n");
        File.WriteAllText(Path.Combine(input, "eval", "task1", "tulips.ir_measures"), "tulips\t983\tndcg\t0.5\n");
        File.WriteAllText(Path.Combine(input, "runs", "task1", ".DS_Store"), """{"metadata":{"topic_id":"995"},"responses":[{"text":"Answer"}]}""");

        var (code, output, _) = Run("recover-mapping", "-m", _db, "-i", input);
        Assert.Equal(0, code);
        Assert.Equal(
            "\nRecovered Mappings:\n" + new string('=', 80) + "\n"
            + "Topic           Anon Team       Anon Run   Orig Team       Orig Run  \n" + new string('-', 80) + "\n"
            + "983             T873            tulips     team1           team1-run1\n"
            + "995             T507            weevl      team.org        team.org-run.v1\n"
            + "\nUnmatched: 1 reports\n"
            + "\nSkipped: 2 lines (1 invalid JSON, 1 without topic id or report text), 1 files (not JSONL or unreadable)\n"
            + "\nSummary: 2 matched, 1 unmatched" + Environment.NewLine,
            output);

        var result = TracksMappingRecoverCommand.Recover(_db, input);
        Assert.Equal(Path.Combine(input, "runs", "task1", "tulips"), result.Reports[0].File);
        Assert.Equal(2, result.Unmatched.Single().Line);

        var outFile = _dir.File("out/recovered.json");
        (code, output, _) = Run("recover-mapping", "-m", _db, "-i", input, "-f", "json", "-o", outFile);
        Assert.Equal(0, code);
        Assert.Contains("Results written to: " + outFile, output);
        Assert.Contains("Matched: 2, Unmatched: 1", output);
        using var json = JsonDocument.Parse(File.ReadAllText(outFile));
        var first = json.RootElement.GetProperty("matched")[0];
        Assert.Equal(["file", "line", "topic_id", "anon_team", "anon_run", "original_team", "original_run"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal(3, json.RootElement.GetProperty("skipped").GetArrayLength());

        (_, output, _) = Run("recover-mapping", "-m", _db, "-i", Path.Combine(input, "runs", "task1", "weevl"), "-f", "csv");
        Assert.StartsWith("topic_id,anon_team,anon_run,original_team,original_run,file,line\r\n995,T507,weevl,team.org,team.org-run.v1,", output);
    }

    [Fact]
    public void Recover_mapping_without_matches_says_so()
    {
        var file = _dir.File("one.jsonl");
        File.WriteAllText(file, """{"metadata":{"topic_id":"1"},"responses":[{"text":"unknown"}]}""");
        var (_, output, _) = Run("recover-mapping", "-m", _db, "-i", file);
        Assert.Contains("\n  (no matches found)\n\nUnmatched: 1 reports\n\nSummary: 0 matched, 1 unmatched", output);
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var root = new RootCommand();
        foreach (var command in TracksMappingCommands.Create())
        {
            root.Subcommands.Add(command);
        }

        var output = new StringWriter();
        var error = new StringWriter();
        int code = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }
}
