namespace PiiOrleans.Tests.Tracks.Pipeline;

/// <summary>A temporary track export (input/, output/, mapping.db) generated per test.</summary>
internal sealed class TracksTestTree : IDisposable
{
    public TracksTestTree()
    {
        Root = Path.Combine(Path.GetTempPath(), "tracks-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Input);
    }

    public string Root { get; }

    public string Input => Path.Combine(Root, "input");

    public string Output => Path.Combine(Root, "output");

    public string Mapping => Path.Combine(Root, "db", "mapping.db");

    public string ErrorReport => Path.Combine(Root, "db", "errors.jsonl");

    public TracksTestTree Add(string relativePath, params string[] lines)
    {
        string path = Path.Combine(Input, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, string.Concat(lines.Select(l => l + "\n")));
        return this;
    }

    public string ReadOutput(string relativePath) => File.ReadAllText(Path.Combine(Output, relativePath));

    public IReadOnlyList<string> OutputFiles() => Directory.Exists(Output)
        ? Directory.GetFiles(Output, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(Output, p).Replace('\\', '/')).Where(p => !p.StartsWith('.')).Order(StringComparer.Ordinal).ToList()
        : [];

    /// <summary>The standard small export used by the end-to-end tests.</summary>
    public static TracksTestTree Standard()
    {
        var t = new TracksTestTree();
        Directory.CreateDirectory(Path.GetDirectoryName(t.Mapping)!);
        t.Add("runs/task1/team1-run1",
            """{"metadata":{"team_id":"team1","run_id":"team1-run1","topic_id":"983","creator":"Bob","contact":"bob@team1.org"},"responses":[{"text":"some text"}]}""",
            """{"metadata":{"team_id":"team1","topic_id":"986","narrative":{"title":"T","text":"Body"}},"responses":[{"text":"more text"}]}""");
        t.Add("runs/task1/team2-run2", "1 Q0 doc1 1 0.5 team2-run2", "2 Q0 doc2 1 0.4 team2-run2");
        t.Add("runs/task1/.DS_Store", "hidden");
        t.Add("metadata/task1/meta.jl",
            """{"runtag":"team1-run1","org":"team1","email":"alice@team1.org","std-priority":"1 (top)"}""",
            """{"runtag":"team2-run2","org":"acme","email":"carol@acme.org","std-priority":"2"}""");
        t.Add("eval/task1/team1-run1.judge.method", "team1-run1 101 ndcg 0.5", "team1-run1 102 ndcg 0.25");
        t.Add("eval/task1/team2-run2.ir_measures", "run_id topic_id measure value", "team2-run2 101 ndcg 0.5");
        t.Add("eval/task1/team1-run1", "runid all team1-run1", "map all 0.3", "P_5 all 0.2");
        t.Add("eval/task1/mystery.eval", "runid all mystery", "map all 0.1");
        return t;
    }

    /// <summary>Answers that settle every question of <see cref="Standard"/>.</summary>
    public static Dictionary<string, string> StandardAnswers() => new()
    {
        ["tsv_format:runs/task1/ranking"] = "ranking",
        ["tsv_format:eval/task1/ir_measures"] = "ir_measures",
        ["tsv_format:eval/task1/trec_eval"] = "trec_eval",
        ["email:task1:metadata.contact"] = "redact",
        ["email:task1:email"] = "drop_field",
        ["malformed:metadata.narrative:550d9182cef0e456"] = "extract_key:text",
        ["eval_run_id:task1/mystery.eval"] = "mystery",
        ["unknown_run:task1/mystery"] = "create",
    };

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
