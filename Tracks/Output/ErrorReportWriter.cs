using System.Globalization;
using System.Text;
using PiiOrleans.Tracks;
using PiiOrleans.Tracks.Json;

namespace PiiOrleans.Tracks.Output;

/// <summary>
/// Writes <c>errors.jsonl</c> next to the mapping database (BUG-11): Track Veil's keys and separators, but never a raw
/// e-mail or record (<c>original_value</c> is always null). Written atomically.
/// </summary>
public static class ErrorReportWriter
{
    /// <summary>The report path for a mapping database path.</summary>
    public static string PathFor(string mappingPath) => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(mappingPath))!, "errors.jsonl");

    /// <summary>
    /// Writes the issues; does nothing (and removes no file) when there are none. <paramref name="keptFiles"/> are the
    /// input files a resumed run did not redo: their lines from the earlier run stay, since nothing reports them again.
    /// </summary>
    public static void Write(string path, IReadOnlyList<TrackIssue> issues, DateTime localNow, IReadOnlySet<string>? keptFiles = null)
    {
        var kept = keptFiles is { Count: > 0 } ? EarlierLines(path, keptFiles) : [];
        if (issues.Count == 0 && kept.Count == 0)
        {
            return;
        }

        // Python isoformat(): microseconds, omitted when zero.
        bool wholeSecond = localNow.Ticks % TimeSpan.TicksPerSecond / 10 == 0;
        string timestamp = localNow.ToString(wholeSecond ? "yyyy-MM-ddTHH:mm:ss" : "yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture);
        string temp = path + ".tmp";
        using (var w = new StreamWriter(temp, false, new UTF8Encoding(false)))
        {
            w.NewLine = "\n";
            foreach (var line in kept)
            {
                w.WriteLine(line);
            }

            var sb = new StringBuilder();
            foreach (var i in issues)
            {
                var o = new PyJsonObject(8);
                o.Set("issue_type", i.IssueType);
                o.Set("file_path", i.FilePath);
                o.Set("line_number", i.LineNumber is int n ? new PyJsonNumber(n.ToString(CultureInfo.InvariantCulture), false) : null);
                o.Set("field_path", i.FieldPath);
                o.Set("message", i.Message);
                o.Set("original_value", null);
                o.Set("context", new PyJsonObject());
                o.Set("timestamp", timestamp);
                sb.Clear();
                PyJsonWriter.Write(sb, o, compact: false);
                w.WriteLine(sb.ToString());
            }
        }

        File.Move(temp, path, overwrite: true);
    }

    private static List<string> EarlierLines(string path, IReadOnlySet<string> keptFiles)
    {
        var lines = new List<string>();
        if (!File.Exists(path))
        {
            return lines;
        }

        foreach (var line in File.ReadLines(path))
        {
            try
            {
                using var document = System.Text.Json.JsonDocument.Parse(line);
                if (document.RootElement.TryGetProperty("file_path", out var file) && file.GetString() is { } name && keptFiles.Contains(name))
                {
                    lines.Add(line);
                }
            }
            catch (System.Text.Json.JsonException)
            {
                // Not a line we wrote: dropped rather than copied.
            }
        }

        return lines;
    }
}
