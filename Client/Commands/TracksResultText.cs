using System.Globalization;
using System.Text;
using PiiOrleans.Grains.Interfaces.Tracks;
using PiiOrleans.Tracks;

namespace PiiOrleans.Client.Commands;

/// <summary>Renders a tracks job result: the dry-run plan, the open questions with their keys, or the summary (spec §3.11).</summary>
internal static class TracksResultText
{
    public static string Render(TracksJobParameters p, TracksJobResult r, int exitCode)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Anonymizing: {p.Input} -> {p.Output}\nMapping DB: {p.Mapping}\n");
        if (r.DryRun)
        {
            Plan(sb, r);
        }

        if (r.OpenQuestions.Count > 0)
        {
            Questions(sb, r, r.DryRun);
        }

        if (r.Summary is { } s)
        {
            Summary(sb, r, s);
        }
        else if (exitCode == TracksExitCodes.PoolExhausted)
        {
            sb.Append("\nThe pseudonym pools cannot hold the new names this export needs; nothing was written.\n");
        }

        return sb.ToString();
    }

    private static void Plan(StringBuilder sb, TracksJobResult r)
    {
        sb.Append("\nPlan (dry run, nothing written):\n");
        foreach (var f in r.Files)
        {
            string kind = f.Kind == TrackFileKind.Tsv ? $"tsv:{FormatName(f.Format)}" : f.Kind.ToString().ToLowerInvariant();
            string target = f.Action switch
            {
                TrackFileAction.Rewrite => $"-> {f.OutputRelativePath}",
                TrackFileAction.Filtered => "[filtered]",
                _ => $"[skip: {f.Reason}]",
            };
            sb.Append(CultureInfo.InvariantCulture, $"  {f.RelativePath}  ({kind})  {target}\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"\nPseudonyms ({r.NewTeams} new teams, {r.NewRuns} new runs):\n");
        foreach (var (o, a) in r.Teams)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  team {o,-20} -> {a}\n");
        }

        foreach (var (o, a) in r.Runs)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  run  {o,-20} -> {a}\n");
        }
    }

    private static void Questions(StringBuilder sb, TracksJobResult r, bool dryRun)
    {
        sb.Append(CultureInfo.InvariantCulture, $"\n{r.OpenQuestions.Count} open question(s){(dryRun ? string.Empty : "; nothing was written")}. Answer them in an --answers file:\n");
        foreach (var q in r.OpenQuestions)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\n  key: {q.Key}\n  {q.Prompt}\n");
            if (q.Context is not null)
            {
                sb.Append(CultureInfo.InvariantCulture, $"  ({q.Context})\n");
            }

            sb.Append(q.Choices.Count > 0 ? $"  choices: {string.Join(", ", q.Choices)}\n" : "  answer: free text\n");
        }

        sb.Append("\nExample: {\"answers\": {\"<key>\": \"<choice>\"}, \"policies\": {\"email\": \"redact\"}}\n");
    }

    private static void Summary(StringBuilder sb, TracksJobResult r, TracksSummary s)
    {
        sb.Append("\n==================================================\nAnonymization Complete\n==================================================\n");
        sb.Append(CultureInfo.InvariantCulture, $"Files processed:    {s.FilesProcessed}\n");
        if (s.FilesResumed > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"Files resumed:      {s.FilesResumed}\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"Lines processed:    {s.LinesWritten}\n");
        sb.Append(CultureInfo.InvariantCulture, $"Teams anonymized:   {r.TeamsInMapping}\n");
        sb.Append(CultureInfo.InvariantCulture, $"Runs anonymized:    {r.RunsInMapping}\n");
        if (s.FilesFiltered > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"Files filtered:     {s.FilesFiltered}\n");
        }

        if (s.FilesSkipped > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"Files skipped:      {s.FilesSkipped}\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"Fingerprints:       {s.Fingerprints}\n");
        sb.Append(CultureInfo.InvariantCulture, $"Errors:             {s.Errors}\nWarnings:           {s.Warnings}\n");
        if (s.IssuesByType.Count > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\nData issues summary ({s.IssuesByType.Values.Sum()} total):\n");
            foreach (var (type, n) in s.IssuesByType.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                sb.Append(CultureInfo.InvariantCulture, $"  {type}: {n}\n");
            }
        }

        if (r.ErrorReportPath is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\nError report written to: {r.ErrorReportPath}\n");
        }
    }

    private static string FormatName(TsvFormat f) => f switch
    {
        TsvFormat.Tot => "tot",
        TsvFormat.IrMeasures => "ir_measures",
        TsvFormat.TrecEval => "trec_eval",
        TsvFormat.Ranking => "ranking",
        _ => "unknown",
    };
}
