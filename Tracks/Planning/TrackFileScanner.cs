using PiiOrleans.Tracks;
using PiiOrleans.Tracks.Formats;
using PiiOrleans.Tracks.Json;
using PiiOrleans.Tracks.Records;

namespace PiiOrleans.Tracks.Planning;

/// <summary>Reads one input file for planning: its kind (per file, LIMIT-4), TSV hint, and the names and questions its content raises.</summary>
public static class TrackFileScanner
{
    private const int HintLines = 20;

    /// <summary>Scans <paramref name="file"/>; <paramref name="includeRun"/> is the priority filter for metadata lines (null = all).</summary>
    public static TrackFileScan Scan(TrackInputFile file, Func<string, bool>? includeRun)
    {
        long invalidLine = Utf8LineValidator.FirstInvalidLine(file.FullPath);
        if (invalidLine > 0)
        {
            throw new TracksInputException(
                $"{file.RelativePath} line {invalidLine} is not valid UTF-8. Convert the file to UTF-8 (for example with iconv) and run again; nothing was written.");
        }

        long length = new FileInfo(file.FullPath).Length;
        switch (file.Tree)
        {
            case TrackTree.Metadata:
                return ScanJsonl(file, TrackFileKind.Metadata, includeRun, length);
            case TrackTree.Eval:
                return ScanTsv(file, length);
            default:
                return LooksLikeJsonl(file.FullPath)
                    ? ScanJsonl(file, TrackFileKind.Report, includeRun, length)
                    : ScanTsv(file, length);
        }
    }

    /// <summary>JSONL when the first line that is not blank or '#' parses as JSON; an empty file counts as JSONL.</summary>
    public static bool LooksLikeJsonl(string path)
    {
        foreach (string line in File.ReadLines(path))
        {
            if (!TsvLine.IsPassThrough(line))
            {
                return PyJsonReader.IsJson(line.AsSpan().Trim());
            }
        }

        return true;
    }

    private static TrackFileScan ScanTsv(TrackInputFile file, long length)
    {
        var head = File.ReadLines(file.FullPath).Take(HintLines).ToList();
        // A question shows the first data line's shape, never its text.
        var first = head.Select((l, i) => (Text: l.Trim(), Number: i + 1)).FirstOrDefault(l => l.Text.Length > 0 && l.Text[0] != '#');
        string? sample = first.Text is null ? null : MaskedSampleLine.Describe(first.Text, first.Number);

        return new TrackFileScan(file, TrackFileKind.Tsv)
        {
            Hint = TsvFormatDetector.Detect(head),
            Sample = sample,
            Length = length,
        };
    }

    private static TrackFileScan ScanJsonl(TrackInputFile file, TrackFileKind kind, Func<string, bool>? includeRun, long length)
    {
        var decisions = new PlanningDecisions();
        var names = new RecordingPseudonyms();
        var ctx = new TrackFileContext(file.RelativePath, file.Task, file.FileName, decisions, names, scrubber: null) { Planning = true };
        if (kind == TrackFileKind.Report)
        {
            // The file name is the run id and is allocated before the content's teams (spec §3.2).
            names.Run(file.FileName);
        }

        int lineNo = 0;
        var empty = new Dictionary<string, string>();
        foreach (string raw in File.ReadLines(file.FullPath))
        {
            lineNo++;
            string line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (kind == TrackFileKind.Report)
            {
                ReportLineRewriter.Rewrite(line, lineNo, file.FileName, ctx, render: false);
            }
            else
            {
                MetadataLineRewriter.Rewrite(line, lineNo, ctx, empty, includeRun, render: false);
            }
        }

        return new TrackFileScan(file, kind)
        {
            Teams = names.Teams,
            Runs = names.Runs,
            RunTeams = ctx.RunTeams,
            Questions = decisions.Questions,
            RepairLookups = decisions.RepairLookups,
            Length = length,
        };
    }
}
