namespace PiiOrleans.Tracks.Formats;

/// <summary>Whitespace splitting and run-id rewriting of one TSV line (spec §3.3e, §3.12).</summary>
public static class TsvLine
{
    /// <summary>Splits on runs of any whitespace like Python's <c>str.split()</c>.</summary>
    public static string[] Split(string line) => line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>True for lines copied verbatim: blank after trimming, or starting with '#'.</summary>
    public static bool IsPassThrough(string line)
    {
        var t = line.AsSpan().Trim();
        return t.Length == 0 || t[0] == '#';
    }

    /// <summary>Sets every listed column that exists to <paramref name="runPseudonym"/> and joins the cells with TAB.</summary>
    public static string RewriteColumns(string line, IReadOnlyList<int> columns, string runPseudonym)
    {
        string[] cells = Split(line);
        foreach (int c in columns)
        {
            if (c < cells.Length)
            {
                cells[c] = runPseudonym;
            }
        }

        return string.Join('\t', cells);
    }

    /// <summary>
    /// trec_eval (<c>{measure} {topic} {value}</c>, BUG-20: one definition): only a <c>runid all NAME</c> line changes, to
    /// TAB-joined cells with the name replaced; returns null for lines that are copied verbatim.
    /// </summary>
    public static string? RewriteTrecEvalRunIdLine(string line, string runPseudonym)
    {
        string[] cells = Split(line);
        if (cells.Length >= 3 && cells[0].Equals("runid", StringComparison.OrdinalIgnoreCase))
        {
            cells[2] = runPseudonym;
            return string.Join('\t', cells);
        }

        return null;
    }
}
