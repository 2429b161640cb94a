using PiiOrleans.Tracks;

namespace PiiOrleans.Tracks.Formats;

/// <summary>
/// Guesses the format of a whitespace-separated file from its first lines (spec §9), with BUG-18 (short first row)
/// and BUG-19 (real trec_eval output starting with <c>runid all NAME</c>) fixed.
/// </summary>
public static class TsvFormatDetector
{
    private static readonly HashSet<string> RunIdNames = ["run_id", "runtag", "run", "runid", "system"];
    private static readonly HashSet<string> TopicNames = ["topic_id", "request_id", "query_id", "narrative_id", "topicid", "queryid"];
    private static readonly HashSet<string> MetricNames = ["metric", "measure", "eval_metric"];

    /// <summary>Detects the format from <paramref name="lines"/> (the caller passes the first 20 lines).</summary>
    public static TsvFormatHint Detect(IReadOnlyList<string> lines)
    {
        if (lines.Count == 0)
        {
            return new TsvFormatHint(TsvFormat.Unknown, "low", "Empty file", [], false);
        }

        var rows = new List<string[]>();
        for (int i = 0; i < Math.Min(10, lines.Count); i++)
        {
            string t = lines[i].Trim();
            if (t.Length > 0 && t[0] != '#')
            {
                rows.Add(TsvLine.Split(t));
            }
        }

        if (rows.Count == 0)
        {
            return new TsvFormatHint(TsvFormat.Unknown, "low", "No data rows", [], false);
        }

        string[] first = rows[0];

        // BUG-19: real trec_eval output may start with "runid all NAME"; that is data, not a header.
        bool trecEvalRunIdLine = first.Length == 3 && first[0].Equals("runid", StringComparison.OrdinalIgnoreCase)
            && first[1].Equals("all", StringComparison.OrdinalIgnoreCase);
        if (!trecEvalRunIdLine)
        {
            var header = DetectHeader(first);
            if (header is not null)
            {
                return header;
            }
        }

        int typical = TypicalColumnCount(rows);
        switch (typical)
        {
            case 3:
                return new TsvFormatHint(TsvFormat.TrecEval, "high", "3 columns matches trec_eval: {measure} {topic} {value}", [], false);
            case 4:
                // BUG-18: judge by the first row that has the typical column count, not by a possibly short first row.
                string[] row = rows.First(r => r.Length == 4);
                if (PythonNumberSyntax.IsInt(row[1]))
                {
                    return new TsvFormatHint(TsvFormat.IrMeasures, "medium", "4 columns, col 1 looks like topic: ir_measures format", [0], false);
                }

                if (PythonNumberSyntax.IsInt(row[2]))
                {
                    return new TsvFormatHint(TsvFormat.Tot, "medium", "4 columns, col 2 looks like topic: tot format", [0], false);
                }

                return new TsvFormatHint(TsvFormat.Tot, "low", "4 columns, assuming tot format (run_id in col 0)", [0], false);
            case 6:
                string[] six = rows.First(r => r.Length == 6);
                if (six[1] == "Q0")
                {
                    return new TsvFormatHint(TsvFormat.Ranking, "medium", "6 columns with Q0: ranking format", [5], false);
                }

                return new TsvFormatHint(TsvFormat.Unknown, "low", "6 columns but no Q0 marker", [5], false);
            default:
                return new TsvFormatHint(TsvFormat.Unknown, "low", $"Unusual column count: {typical}", [], false);
        }
    }

    private static TsvFormatHint? DetectHeader(string[] cells)
    {
        bool numeric = false;
        var runCols = new List<int>();
        bool topic = false;
        bool metric = false;
        for (int i = 0; i < cells.Length; i++)
        {
            string c = cells[i].ToLowerInvariant();
            numeric |= PythonNumberSyntax.IsFloat(c);
            if (RunIdNames.Contains(c))
            {
                runCols.Add(i);
            }

            topic |= TopicNames.Contains(c);
            metric |= MetricNames.Contains(c);
        }

        if (numeric || (runCols.Count == 0 && !(topic && metric)))
        {
            return null;
        }

        string joined = string.Join(", ", cells);
        if (runCols.Count > 0)
        {
            return metric
                ? new TsvFormatHint(TsvFormat.IrMeasures, "high", $"Header detected: {joined}", runCols, true)
                : new TsvFormatHint(TsvFormat.Ranking, "high", $"Header detected: {joined}", runCols, true);
        }

        return new TsvFormatHint(TsvFormat.TrecEval, "high", $"Header detected (no run_id): {joined}", [], true);
    }

    private static int TypicalColumnCount(List<string[]> rows)
    {
        var counts = new SortedDictionary<int, int>();
        foreach (var r in rows)
        {
            counts[r.Length] = counts.GetValueOrDefault(r.Length) + 1;
        }

        // Ties go to the smallest count (the reference depends on set order here).
        int best = 0;
        int bestCount = -1;
        foreach (var (cols, n) in counts)
        {
            if (n > bestCount)
            {
                best = cols;
                bestCount = n;
            }
        }

        return best;
    }
}
