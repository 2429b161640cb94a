using System.CommandLine;
using System.Globalization;
using System.Text;
using PiiOrleans.Grains.Interfaces.Tracks.Mapping;
using PiiOrleans.Grains.Tracks;
using PiiOrleans.Tracks.Fingerprints;
using PiiOrleans.Tracks.Mapping;

namespace PiiOrleans.Client.Commands;

/// <summary>
/// <c>tracks recover-mapping</c>: traces anonymized report lines back to their original team and run through the
/// fingerprints in the mapping database (opened read-only). Unlike Track Veil's it finds matches (BUG-1, BUG-2).
/// </summary>
public static class TracksMappingRecoverCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var mapping = TracksMappingOptions.Mapping();
        var input = new Option<string>("--input", "-i") { Description = "An anonymized report file, or a folder searched recursively.", Required = true };
        input.Validators.Add(result =>
        {
            var path = result.GetValueOrDefault<string>();
            if (path is not null && !File.Exists(path) && !Directory.Exists(path))
            {
                result.AddError($"Input '{path}' does not exist. Pass an anonymized report file or folder with -i.");
            }
        });
        var output = new Option<string?>("--output", "-o") { Description = "Write the results to this file instead of stdout." };
        var format = TracksMappingOptions.Format();
        var command = new Command("recover-mapping", "Recover original teams and runs of anonymized reports by fingerprint (opened read-only).")
        {
            mapping, input, output, format,
        };
        command.SetAction(parseResult => TracksMappingOptions.Guard(parseResult, () =>
        {
            var result = Recover(parseResult.GetRequiredValue(mapping), parseResult.GetRequiredValue(input));
            string text = Render(result, parseResult.GetRequiredValue(format));
            var stdout = parseResult.InvocationConfiguration.Output;
            if (parseResult.GetValue(output) is { Length: > 0 } outputPath)
            {
                TracksMappingTextFormat.WriteAtomically(outputPath, text + "\n");
                stdout.WriteLine($"Results written to: {outputPath}");
                stdout.WriteLine($"Matched: {result.Matched.Count()}, Unmatched: {result.Unmatched.Count()}");
                if (result.Skipped.Count > 0)
                {
                    stdout.WriteLine(SkippedSummary(result));
                }
            }
            else
            {
                stdout.WriteLine(text);
            }

            return 0;
        }));
        return command;
    }

    /// <summary>Looks every report line under <paramref name="inputPath"/> up in the database at <paramref name="databasePath"/>.</summary>
    public static RecoveryResult Recover(string databasePath, string inputPath)
    {
        using var store = MappingStore.Open(databasePath, new MappingOpenOptions(ReadOnly: true));
        return FingerprintRecovery.Recover(inputPath, store.LookupFingerprint);
    }

    /// <summary>Formats a result as Track Veil's table, json or csv (without the final newline), plus what was skipped.</summary>
    public static string Render(RecoveryResult result, string format) => format switch
    {
        "json" => Json(result),
        "csv" => Csv(result),
        _ => Table(result),
    };

    private static string Table(RecoveryResult result)
    {
        var matched = result.Matched.ToList();
        int unmatched = result.Unmatched.Count();
        var text = new StringBuilder("\nRecovered Mappings:\n").Append('=', 80).Append('\n');
        if (matched.Count == 0)
        {
            text.Append("  (no matches found)\n");
        }
        else
        {
            text.Append(Row("Topic", "Anon Team", "Anon Run", "Orig Team", "Orig Run")).Append('\n').Append('-', 80).Append('\n');
            foreach (var report in matched)
            {
                text.Append(Row(report.TopicId, report.AnonTeam, report.AnonRun, report.OriginalTeam!, report.OriginalRun!)).Append('\n');
            }
        }

        if (unmatched > 0)
        {
            text.Append("\nUnmatched: ").Append(unmatched).Append(" reports\n");
        }

        if (result.Skipped.Count > 0)
        {
            text.Append('\n').Append(SkippedSummary(result)).Append('\n');
        }

        text.Append("\nSummary: ").Append(matched.Count).Append(" matched, ").Append(unmatched).Append(" unmatched");
        return text.ToString();
    }

    private static string Row(string topic, string anonTeam, string anonRun, string origTeam, string origRun) =>
        string.Join(' ', TracksMappingTextFormat.PadRight(topic, 15), TracksMappingTextFormat.PadRight(anonTeam, 15),
            TracksMappingTextFormat.PadRight(anonRun, 10), TracksMappingTextFormat.PadRight(origTeam, 15), TracksMappingTextFormat.PadRight(origRun, 10));

    /// <summary>One line saying what was skipped and why (Track Veil skipped silently).</summary>
    public static string SkippedSummary(RecoveryResult result)
    {
        int invalid = result.Skipped.Count(s => s.Reason == SkipReason.InvalidJson);
        int noTopic = result.Skipped.Count(s => s.Reason == SkipReason.NoTopicOrText);
        int files = result.Skipped.Count(s => s.Line is null);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Skipped: {invalid + noTopic} lines ({invalid} invalid JSON, {noTopic} without topic id or report text), {files} files (not JSONL or unreadable)");
    }

    private static string Json(RecoveryResult result)
    {
        var text = new StringBuilder("{\n");
        JsonList(text, "matched", result.Matched.ToList(), withOriginals: true);
        text.Append(",\n");
        JsonList(text, "unmatched", result.Unmatched.ToList(), withOriginals: false);
        text.Append(",\n  \"skipped\": ");
        if (result.Skipped.Count == 0)
        {
            text.Append("[]");
        }
        else
        {
            text.Append("[\n");
            for (int i = 0; i < result.Skipped.Count; i++)
            {
                var skipped = result.Skipped[i];
                text.Append("    {\n      \"file\": ").Append(TracksMappingTextFormat.JsonString(skipped.File)).Append(",\n")
                    .Append("      \"line\": ").Append(skipped.Line?.ToString(CultureInfo.InvariantCulture) ?? "null").Append(",\n")
                    .Append("      \"reason\": ").Append(TracksMappingTextFormat.JsonString(ReasonText(skipped.Reason))).Append("\n    }")
                    .Append(i + 1 < result.Skipped.Count ? ",\n" : "\n");
            }

            text.Append("  ]");
        }

        return text.Append("\n}").ToString();
    }

    private static void JsonList(StringBuilder text, string name, List<RecoveredReport> reports, bool withOriginals)
    {
        text.Append("  \"").Append(name).Append("\": ");
        if (reports.Count == 0)
        {
            text.Append("[]");
            return;
        }

        text.Append("[\n");
        for (int i = 0; i < reports.Count; i++)
        {
            var r = reports[i];
            text.Append("    {\n");
            text.Append("      \"file\": ").Append(TracksMappingTextFormat.JsonString(r.File)).Append(",\n");
            text.Append("      \"line\": ").Append(r.Line).Append(",\n");
            text.Append("      \"topic_id\": ").Append(TracksMappingTextFormat.JsonString(r.TopicId)).Append(",\n");
            text.Append("      \"anon_team\": ").Append(TracksMappingTextFormat.JsonString(r.AnonTeam)).Append(",\n");
            text.Append("      \"anon_run\": ").Append(TracksMappingTextFormat.JsonString(r.AnonRun));
            if (withOriginals)
            {
                text.Append(",\n      \"original_team\": ").Append(TracksMappingTextFormat.JsonString(r.OriginalTeam!)).Append(",\n");
                text.Append("      \"original_run\": ").Append(TracksMappingTextFormat.JsonString(r.OriginalRun!));
            }

            text.Append("\n    }").Append(i + 1 < reports.Count ? ",\n" : "\n");
        }

        text.Append("  ]");
    }

    private static string Csv(RecoveryResult result)
    {
        var text = new StringBuilder(TracksMappingTextFormat.CsvRecord("topic_id", "anon_team", "anon_run", "original_team", "original_run", "file", "line"));
        foreach (var r in result.Matched)
        {
            text.Append(TracksMappingTextFormat.CsvRecord(r.TopicId, r.AnonTeam, r.AnonRun, r.OriginalTeam!, r.OriginalRun!, r.File, r.Line.ToString(CultureInfo.InvariantCulture)));
        }

        var unmatched = result.Unmatched.ToList();
        if (unmatched.Count > 0)
        {
            text.Append("\r\n# Unmatched entries:\r\n");
            foreach (var r in unmatched)
            {
                text.Append("# ").Append(TracksMappingTextFormat.CsvRecord(r.TopicId, r.AnonTeam, r.AnonRun, "UNMATCHED", "UNMATCHED", r.File, r.Line.ToString(CultureInfo.InvariantCulture)));
            }
        }

        if (result.Skipped.Count > 0)
        {
            text.Append("\r\n# ").Append(SkippedSummary(result)).Append("\r\n");
        }

        return text.ToString().TrimEnd('\r', '\n');
    }

    private static string ReasonText(SkipReason reason) => reason switch
    {
        SkipReason.NotJsonLines => "not a JSONL file",
        SkipReason.InvalidJson => "invalid JSON",
        SkipReason.NoTopicOrText => "no topic id or report text",
        _ => "unreadable",
    };
}
