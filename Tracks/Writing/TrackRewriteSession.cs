using System.Text;
using PiiOrleans.Tracks;
using PiiOrleans.Tracks.Formats;
using PiiOrleans.Tracks.Planning;
using PiiOrleans.Tracks.Records;

namespace PiiOrleans.Tracks.Writing;

/// <summary>
/// Rewrites files of one job, streaming line by line into a temporary file that is renamed into place (atomic, BUG-10).
/// Thread-safe: files of a job are rewritten in parallel.
/// </summary>
public sealed class TrackRewriteSession
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly TrackRewriteSettings _settings;
    private readonly ResolvedDecisions _decisions;
    private readonly MappedPseudonyms _pseudonyms;
    private readonly ITrackTextScrubber? _scrubber;

    /// <summary>Prepares a session; <paramref name="engine"/> anonymizes free text with <c>--scan-pii</c> (optional).</summary>
    public TrackRewriteSession(TrackRewriteSettings settings, Func<string, string>? engine = null)
    {
        _settings = settings;
        var answers = new TracksAnswerSet(settings.Answers, settings.Policies);
        var rules = new RepairRuleBook(settings.RepairRules.Select(r =>
            new TrackRepairRule(r.PatternHash, r.FieldPath, RepairDecision.Parse(r.Action) ?? RepairDecision.Keep, r.TeamId)));
        _decisions = new ResolvedDecisions(answers, rules);
        _pseudonyms = new MappedPseudonyms(settings.TeamPseudonyms, settings.RunPseudonyms, settings.RunsKnownBeforeMetadata);
        // Known team and run names are replaced in free text by default; --scan-pii adds the engine and the deep walk.
        _scrubber = new KnownNameScrubber(settings.TeamPseudonyms, settings.RunPseudonyms, settings.ScanPii ? engine : null, settings.ScanPii);
    }

    /// <summary>Rewrites one planned file; returns its result and the fingerprints of its reports.</summary>
    public (TrackFileResult Result, IReadOnlyList<TrackFingerprint> Fingerprints) Write(TrackFilePlan plan)
    {
        string? outRel = TrackOutputNames.For(plan, r => _settings.RunPseudonyms.GetValueOrDefault(r));
        if (outRel is null)
        {
            return (new TrackFileResult(plan.RelativePath, null, 0, 0, 0, false, []), []);
        }

        string input = Path.Combine(_settings.InputRoot, plan.RelativePath);
        string output = Path.Combine(_settings.OutputRoot, outRel);
        string dir = Path.GetDirectoryName(output)!;
        Directory.CreateDirectory(dir);
        string temp = Path.Combine(dir, $".{Path.GetFileName(output)}.{Guid.NewGuid():N}.tmp");
        var ctx = new TrackFileContext(plan.RelativePath, plan.Task, plan.FileName, _decisions, _pseudonyms, _scrubber);
        long read = 0;
        long written = 0;
        try
        {
            using (var reader = new StreamReader(input, Utf8, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16, Options = FileOptions.SequentialScan }))
            using (var writer = new StreamWriter(temp, Utf8, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, BufferSize = 1 << 16 }))
            {
                writer.NewLine = "\n";
                (read, written) = plan.Kind switch
                {
                    TrackFileKind.Report => RewriteJsonl(reader, writer, ctx, line => ReportLineRewriter.Rewrite(line.Text, line.Number, plan.RunId!, ctx)),
                    TrackFileKind.Metadata => RewriteJsonl(reader, writer, ctx, line => MetadataLineRewriter.Rewrite(line.Text, line.Number, ctx, _settings.RunTeams,
                        _settings.PriorityRuns is { } keep ? keep.Contains : null)),
                    _ => RewriteTsv(reader, writer, plan, _settings.RunPseudonyms[plan.RunId!]),
                };
            }

            File.Move(temp, output, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }

        return (new TrackFileResult(plan.RelativePath, outRel, read, written, ctx.Fingerprints.Count, false, ctx.Issues), ctx.Fingerprints);
    }

    private static (long Read, long Written) RewriteJsonl(StreamReader reader, StreamWriter writer, TrackFileContext ctx, Func<(string Text, int Number), string?> rewrite)
    {
        long read = 0;
        long written = 0;
        int number = 0;
        while (reader.ReadLine() is { } raw)
        {
            number++;
            read++;
            string line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            string? result = rewrite((line, number));
            if (result is not null)
            {
                writer.Write(result);
                writer.Write('\n');
                written++;
            }
        }

        return (read, written);
    }

    private static (long Read, long Written) RewriteTsv(StreamReader reader, StreamWriter writer, TrackFilePlan plan, string anonRun)
    {
        long read = 0;
        bool headerPending = plan.HasHeaderRow;
        while (reader.ReadLine() is { } line)
        {
            read++;
            if (TsvLine.IsPassThrough(line))
            {
                writer.Write(line);
            }
            else if (headerPending)
            {
                // BUG-6: the detected header row is copied, not rewritten.
                headerPending = false;
                writer.Write(line);
            }
            else if (plan.Format == TsvFormat.TrecEval)
            {
                writer.Write(TsvLine.RewriteTrecEvalRunIdLine(line, anonRun) ?? line);
            }
            else
            {
                writer.Write(TsvLine.RewriteColumns(line, plan.RunIdColumns, anonRun));
            }

            writer.Write('\n');
        }

        return (read, read);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp file is a dot-file and never read as input.
        }
    }
}
