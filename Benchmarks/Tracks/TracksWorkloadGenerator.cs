using System.Globalization;
using System.Text;

namespace PiiOrleans.Benchmarks.Tracks;

/// <summary>
/// Generates the spec §15.3 workload: 200 teams × 5 runs × 3 tasks of 50-line Report JSONL files, one 100-line
/// ir_measures eval file per run and task, one 1000-line metadata file per task (6,003 files). With
/// <c>uniqueRunsPerTask</c> run ids differ per task (3,000 unique runs, 2 lines per file): the variant Track Veil crashes on.
/// </summary>
internal static class TracksWorkloadGenerator
{
    private static readonly string[] Words =
    [
        "retrieval", "system", "query", "document", "ranking", "model", "neural", "evaluation", "passage", "answer", "relevance",
        "corpus", "index", "score", "track", "judgment", "topic", "baseline", "dense", "sparse", "rerank", "generation", "citation",
        "summary", "question", "language", "context", "result", "method", "approach", "data", "analysis", "report", "the", "of", "and",
    ];

    public static (int Files, long Bytes) Generate(string root, bool uniqueRunsPerTask, int seed = 7)
    {
        var rng = new Random(seed);
        int linesPerRun = uniqueRunsPerTask ? 2 : 50;
        int files = 0;
        long bytes = 0;
        var sb = new StringBuilder(4096);
        for (int task = 1; task <= 3; task++)
        {
            string taskName = $"task{task}";
            string runsDir = Directory.CreateDirectory(Path.Combine(root, "runs", taskName)).FullName;
            string evalDir = Directory.CreateDirectory(Path.Combine(root, "eval", taskName)).FullName;
            string metaDir = Directory.CreateDirectory(Path.Combine(root, "metadata", taskName)).FullName;
            var meta = new StringBuilder();
            for (int team = 1; team <= 200; team++)
            {
                string teamId = $"team{team:000}";
                for (int r = 1; r <= 5; r++)
                {
                    string runId = uniqueRunsPerTask ? $"{teamId}-run{r}-{taskName}" : $"{teamId}-run{r}";
                    sb.Clear();
                    for (int line = 0; line < linesPerRun; line++)
                    {
                        sb.Append("{\"metadata\":{\"team_id\":\"").Append(teamId).Append("\",\"run_id\":\"").Append(runId)
                          .Append("\",\"topic_id\":\"").Append((1001 + line).ToString(CultureInfo.InvariantCulture))
                          .Append("\",\"creator\":\"Member ").Append(team).Append(" <member").Append(team).Append('@').Append(teamId).Append(".example.org>\"},\"responses\":[");
                        for (int s = 0; s < 3; s++)
                        {
                            if (s > 0)
                            {
                                sb.Append(',');
                            }

                            sb.Append("{\"text\":\"");
                            for (int w = 0; w < 30; w++)
                            {
                                if (w > 0)
                                {
                                    sb.Append(' ');
                                }

                                sb.Append(Words[rng.Next(Words.Length)]);
                            }

                            sb.Append(".\",\"citations\":[\"doc").Append(rng.Next(100000)).Append("\",\"doc").Append(rng.Next(100000)).Append("\"]}");
                        }

                        sb.Append("],\"references\":[\"doc").Append(rng.Next(100000)).Append("\",\"doc").Append(rng.Next(100000)).Append("\"]}\n");
                    }

                    bytes += Write(Path.Combine(runsDir, runId), sb.ToString());
                    files++;
                    if (!uniqueRunsPerTask)
                    {
                        sb.Clear();
                        for (int line = 0; line < 100; line++)
                        {
                            sb.Append(runId).Append(' ').Append(1001 + (line % 50)).Append(line < 50 ? " ndcg_cut_10 " : " P_10 ")
                              .Append((rng.NextDouble()).ToString("0.0000", CultureInfo.InvariantCulture)).Append('\n');
                        }

                        bytes += Write(Path.Combine(evalDir, runId + ".ir_measures"), sb.ToString());
                        files++;
                    }

                    meta.Append("{\"runtag\":\"").Append(runId).Append("\",\"org\":\"").Append(teamId).Append("\",\"email\":\"lead@").Append(teamId)
                        .Append(".example.org\",\"std-priority\":\"").Append(r == 1 ? "1 (top)" : r.ToString(CultureInfo.InvariantCulture)).Append("\",\"task\":\"").Append(taskName).Append("\"}\n");
                }
            }

            bytes += Write(Path.Combine(metaDir, "metadata.jl"), meta.ToString());
            files++;
        }

        return (files, bytes);
    }

    private static long Write(string path, string text)
    {
        File.WriteAllText(path, text);
        return Encoding.UTF8.GetByteCount(text);
    }
}
