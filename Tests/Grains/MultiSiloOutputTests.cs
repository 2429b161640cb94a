using System.Text;
using System.Text.Json;
using Orleans.TestingHost;
using PiiOrleans.Grains.Interfaces.Jobs;
using PiiOrleans.Grains.Jobs;
using PiiOrleans.Tests.Hosting;
using PiiOrleans.Tests.Tables;
using PiiOrleans.Tests.Tracks.Pipeline;
using PiiOrleans.Tracks;

namespace PiiOrleans.Tests.Grains;

/// <summary>
/// The application is correct when its grains live on different silos: a tables job (the sample plus a generated
/// 20,000-row table with a UNIQUE e-mail column and names in a free-text column, NER on) and a tracks job (runs,
/// metadata, eval, e-mails and a repair) give the same bytes on one silo and on three, with work spread over the silos.
/// </summary>
public sealed class MultiSiloOutputTests : IDisposable
{
    private static readonly TimeSpan JobTimeout = TimeSpan.FromMinutes(4);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "multisilo-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("KEEP_MULTISILO") is null && Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task Three_silos_give_the_bytes_of_one_silo_with_batches_and_files_on_more_than_one_silo()
    {
        var input = Path.Combine(_root, "query_results.db");
        Directory.CreateDirectory(_root);
        TablesCluster.CreateVanaDatabase(input);
        AddContactsTable(input, 20_000);

        var one = await RunBothAsync(1, input);
        var three = await RunBothAsync(3, input);

        Assert.Equal(0, one.Tables.ExitCode);
        Assert.Equal(0, three.Tables.ExitCode);
        Assert.Equal(File.ReadAllBytes(one.Database), File.ReadAllBytes(three.Database));
        var contacts = ReportTable(three.Tables, "contacts");
        Assert.True(contacts.GetProperty("batches_per_silo").EnumerateObject().Count() > 1, "the batches all ran on one silo");
        Assert.Equal("email", contacts.GetProperty("collision_columns")[0].GetString());
        Assert.DoesNotContain("unavailable", three.Tables.Result!.Value.GetProperty("report").GetProperty("presidio_config").GetProperty("nlp_model").GetString());

        Assert.Equal(0, one.Tracks.ExitCode);
        Assert.Equal(0, three.Tracks.ExitCode);
        Assert.Equal(one.TrackFiles.Keys, three.TrackFiles.Keys);
        foreach (var (path, bytes) in one.TrackFiles)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(three.TrackFiles[path]), $"output {path} differs between one and three silos");
        }

        Assert.Equal(one.Mapping, three.Mapping);
        var tracks = three.Tracks.Result!.Value.Deserialize<TracksJobResult>(TracksJson.Options)!;
        Assert.True(tracks.FilesPerSilo!.Count > 1, "the track files were all rewritten on one silo");
    }

    private async Task<Outcome> RunBothAsync(short silos, string input)
    {
        var output = Path.Combine(_root, $"tables-{silos}");
        using var tree = GeneratedExport();
        await using var cluster = await MultiSiloCluster.StartAsync(silos);
        var config = TablesCluster.Fixture("vana-presidio-config.json");
        var tables = await MultiSiloCluster.RunJobAsync(cluster, "tables",
            new Dictionary<string, object?> { ["input"] = input, ["output_dir"] = output, ["config"] = config, ["batch_size"] = 500 }, JobTimeout);
        var tracks = await MultiSiloCluster.RunJobAsync(cluster, "tracks",
            new TracksJobParameters(tree.Input, tree.Output, tree.Mapping, Seed: 7, Answers: TracksTestTree.StandardAnswers()), JobTimeout);
        var files = tree.OutputFiles().ToDictionary(p => p, p => File.ReadAllBytes(Path.Combine(tree.Output, p)), StringComparer.Ordinal);
        // mapping.db holds creation times (Track Veil's schema), so its pseudonyms are compared, not its bytes.
        var result = tracks.Result!.Value.Deserialize<TracksJobResult>(TracksJson.Options)!;
        var mapping = string.Join("\n", result.Teams.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"team {p.Key} {p.Value}")
            .Concat(result.Runs.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"run {p.Key} {p.Value}")));

        return new Outcome(tables, Path.Combine(output, "query_results.db"), tracks, files, mapping);
    }

    // The standard export plus 40 teams' run files, so that there are enough files to spread.
    internal static TracksTestTree GeneratedExport(int teams = 40)
    {
        var tree = TracksTestTree.Standard();
        for (var team = 0; team < teams; team++)
        {
            var lines = Enumerable.Range(0, 20).Select(i =>
                $$"""{"metadata":{"team_id":"gen{{team}}","run_id":"gen{{team}}-r","topic_id":"{{900 + i}}"},"responses":[{"text":"answer {{i}} by gen{{team}}"}]}""");
            tree.Add($"runs/task1/gen{team}-r", [.. lines]);
        }

        return tree;
    }

    internal static void AddContactsTable(string path, int rows)
    {
        string[] first = ["Maria", "John", "Aiko", "Pedro", "Fatima", "Liam", "Olga", "Kwame"];
        string[] last = ["Lopez", "Smith", "Tanaka", "Silva", "Haddad", "Murphy", "Ivanova", "Mensah"];
        var sql = new StringBuilder("CREATE TABLE contacts (id INTEGER PRIMARY KEY, email TEXT UNIQUE, notes TEXT);\nBEGIN;\n");
        for (var i = 0; i < rows; i++)
        {
            var name = $"{first[i % first.Length]} {last[i / first.Length % last.Length]}";
            var notes = i % 10 == 0 ? $"'Call {name} about order {i} before Friday.'" : "NULL";
            sql.Append($"INSERT INTO contacts VALUES ({i + 1}, 'user{i}@example.org', {notes});\n");
        }

        sql.Append("COMMIT;");
        TestDatabase.Execute(path, sql.ToString());
    }

    private static JsonElement ReportTable(JobStatus status, string name) =>
        status.Result!.Value.GetProperty("report").GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("name").GetString() == name);

    private sealed record Outcome(JobStatus Tables, string Database, JobStatus Tracks, Dictionary<string, byte[]> TrackFiles, string Mapping);
}
