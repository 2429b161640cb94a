using PiiOrleans.Tracks;
using PiiOrleans.Tracks.Formats;

namespace PiiOrleans.Tracks.Planning;

/// <summary>
/// Turns the scans and the answers into a <see cref="TracksPlan"/>. Cheap and pure, so it is re-run after each round
/// of answers; anything unanswered becomes an open question and its file is not planned for writing.
/// </summary>
public static class TracksPlanResolver
{
    private static readonly string[] CommonJudgeSuffixes = [".qrel_eval", ".nist-edit", ".nist_edit", ".judge", ".eval"];

    /// <summary>Resolves the plan. <paramref name="storedRuns"/> are the run ids the mapping store already knows.</summary>
    public static TracksPlan Resolve(
        IReadOnlyList<TrackFileScan> scans,
        TracksAnswerSet answers,
        IReadOnlyCollection<string> storedRuns,
        PriorityFilter? priority,
        TrackRepairRules? rules = null)
    {
        var files = new List<TrackFilePlan>(scans.Count);
        var open = new List<TracksQuestion>();
        var openKeys = new HashSet<string>(StringComparer.Ordinal);
        var teams = new OrderedNames();
        var runs = new OrderedNames();
        var runTeams = new Dictionary<string, string>(StringComparer.Ordinal);

        void Ask(TracksQuestion q)
        {
            if (openKeys.Add(q.Key))
            {
                open.Add(q);
            }
        }

        void AskContentQuestions(TrackFileScan scan)
        {
            foreach (var q in scan.Questions)
            {
                bool answered = q.Kind switch
                {
                    TracksQuestionKinds.Email => answers.Email(q.Key) is not null,
                    TracksQuestionKinds.Malformed => answers.Repair(q.Key) is not null || CoveredByRules(scan, q.Key, rules),
                    _ => answers.Exact(q.Key) is not null,
                };
                if (!answered)
                {
                    Ask(q);
                }
            }
        }

        // runs/
        foreach (var scan in scans.Where(s => s.File.Tree == TrackTree.Runs))
        {
            var f = scan.File;
            if (priority is not null && !priority.IncludeFile(f.FileName))
            {
                files.Add(Plan(scan, TsvFormat.Unknown, [], false, null, null, TrackFileAction.Filtered, "priority filter"));
                continue;
            }

            if (scan.Kind == TrackFileKind.Report)
            {
                AskContentQuestions(scan);
                runs.AddRange(scan.Runs);
                teams.AddRange(scan.Teams);
                foreach (var (r, t) in scan.RunTeams)
                {
                    runTeams[r] = t;
                }

                files.Add(Plan(scan, TsvFormat.Unknown, [], false, f.FileName, string.Empty, TrackFileAction.Rewrite, null));
                continue;
            }

            var tsv = ResolveFormat(scan, answers, Ask);
            if (tsv.Action != TrackFileAction.Rewrite)
            {
                files.Add(tsv with { RunId = null });
                continue;
            }

            runs.Add(f.FileName);
            files.Add(tsv with { RunId = f.FileName, OutputSuffix = string.Empty });
        }

        var knownBeforeMetadata = new HashSet<string>(storedRuns, StringComparer.Ordinal);
        knownBeforeMetadata.UnionWith(runs.Items);

        // metadata/
        foreach (var scan in scans.Where(s => s.File.Tree == TrackTree.Metadata))
        {
            AskContentQuestions(scan);
            teams.AddRange(scan.Teams);
            runs.AddRange(scan.Runs);
            files.Add(Plan(scan, TsvFormat.Unknown, [], false, null, null, TrackFileAction.Rewrite, null));
        }

        // eval/: first decide per file, then apply "skip_task" to whole task folders.
        var known = new HashSet<string>(knownBeforeMetadata, StringComparer.Ordinal);
        known.UnionWith(runs.Items);
        var prefixes = new RunIdPrefixIndex(known);
        var evalPlans = new List<TrackFilePlan>();
        var skippedTasks = new HashSet<string>(StringComparer.Ordinal);
        foreach (var scan in scans.Where(s => s.File.Tree == TrackTree.Eval))
        {
            var f = scan.File;
            if (priority is not null && !priority.IncludeFile(f.FileName))
            {
                evalPlans.Add(Plan(scan, TsvFormat.Unknown, [], false, null, null, TrackFileAction.Filtered, "priority filter"));
                continue;
            }

            var plan = ResolveFormat(scan, answers, Ask);
            string? runId;
            string suffix;
            if (prefixes.LongestPrefix(f.FileName) is { } match)
            {
                (runId, suffix) = match;
            }
            else
            {
                string key = TracksQuestionKeys.EvalRunId(f.Task, f.FileName);
                string? answer = answers.Exact(key)?.Trim();
                if (answer is null && answers.Policy(TracksQuestionKinds.EvalRunId) == "longest_known_prefix")
                {
                    answer = StripJudgeSuffix(f.FileName);
                }

                if (answer is null)
                {
                    Ask(new TracksQuestion(key, TracksQuestionKinds.EvalRunId,
                        $"Eval file {f.RelativePath}: no known run id prefixes its name. Enter its run id (the name should start with it; the rest is kept as the judge suffix), or 'skip'.",
                        [], null, $"known run ids: {known.Count}"));
                    evalPlans.Add(plan with { Action = TrackFileAction.Skip, Reason = "unanswered question" });
                    continue;
                }

                if (answer == "skip")
                {
                    evalPlans.Add(plan with { Action = TrackFileAction.Skip, Reason = "skipped by answer" });
                    continue;
                }

                runId = answer;
                suffix = f.FileName.StartsWith(runId, StringComparison.Ordinal) ? f.FileName[runId.Length..] : string.Empty;
            }

            if (!known.Contains(runId))
            {
                string key = TracksQuestionKeys.UnknownRun(f.Task, runId);
                string? answer = answers.Exact(key) ?? answers.Policy(TracksQuestionKinds.UnknownRun);
                switch (answer)
                {
                    case null:
                        Ask(new TracksQuestion(key, TracksQuestionKinds.UnknownRun,
                            $"Run id '{runId}' of eval file {f.RelativePath} has no pseudonym (not in runs/, metadata/ or the mapping). Skip the file, create a mapping, or skip the task folder?",
                            ["skip_file", "create", "skip_task"], "skip_file", null));
                        evalPlans.Add(plan with { Action = TrackFileAction.Skip, Reason = "unanswered question" });
                        continue;
                    case "skip_file":
                        evalPlans.Add(plan with { Action = TrackFileAction.Skip, Reason = "unknown run id" });
                        continue;
                    case "skip_task":
                        skippedTasks.Add(f.Task);
                        evalPlans.Add(plan with { Action = TrackFileAction.Skip, Reason = "task skipped (unknown run id)" });
                        continue;
                    default:
                        // "create": the run gets a pseudonym with the others below.
                        break;
                }
            }

            evalPlans.Add(plan with { RunId = plan.Action == TrackFileAction.Rewrite ? runId : null, OutputSuffix = suffix });
        }

        foreach (var plan in evalPlans)
        {
            if (plan.Action == TrackFileAction.Rewrite && skippedTasks.Contains(plan.Task))
            {
                files.Add(plan with { Action = TrackFileAction.Skip, Reason = "task skipped (unknown run id)", RunId = null });
                continue;
            }

            if (plan.Action == TrackFileAction.Rewrite && plan.RunId is not null)
            {
                runs.Add(plan.RunId);
            }

            files.Add(plan);
        }

        return new TracksPlan(files, open, teams.Items, runs.Items, runTeams, knownBeforeMetadata);
    }

    private static bool CoveredByRules(TrackFileScan scan, string key, TrackRepairRules? rules)
    {
        if (rules is null)
        {
            return false;
        }

        var lookups = scan.RepairLookups.Where(l => TracksQuestionKeys.Malformed(l.FieldPath, l.PatternHash) == key).ToList();
        return lookups.Count > 0 && lookups.All(l => rules.Book.Find(l.PatternHash, l.Team) is not null);
    }

    /// <summary>Strips a common judge suffix, else the last dot-suffix; the whole name when there is no dot.</summary>
    public static string StripJudgeSuffix(string fileName)
    {
        foreach (string s in CommonJudgeSuffixes)
        {
            if (fileName.Length > s.Length && fileName.EndsWith(s, StringComparison.Ordinal))
            {
                return fileName[..^s.Length];
            }
        }

        int dot = fileName.LastIndexOf('.');
        return dot > 0 ? fileName[..dot] : fileName;
    }

    private static TrackFilePlan ResolveFormat(TrackFileScan scan, TracksAnswerSet answers, Action<TracksQuestion> ask)
    {
        var f = scan.File;
        var hint = scan.Hint!;
        string detected = TsvFormatNames.Name(hint.Format);
        string key = TracksQuestionKeys.TsvFormat(f.TreeDir, f.Task, detected);
        string? answer = answers.Exact(key);
        if (answer is null && hint.Format != TsvFormat.Unknown && answers.Policy(TracksQuestionKinds.TsvFormat) == "detected")
        {
            answer = "detected";
        }

        if (answer is null)
        {
            var choices = new List<string> { "tot", "ir_measures", "trec_eval", "ranking" };
            if (hint.Format != TsvFormat.Unknown)
            {
                choices.Remove(detected);
                choices.Insert(0, detected);
            }

            choices.Add("skip");
            ask(new TracksQuestion(key, TracksQuestionKinds.TsvFormat,
                $"Which format do the whitespace-separated files detected as '{detected}' in {f.TreeDir}/{f.Task}/ have? Hint: {detected} ({hint.Confidence} confidence): {hint.Reason}.",
                choices, hint.Format == TsvFormat.Unknown ? null : detected, $"file: {f.RelativePath}; sample: {scan.Sample}"));
            return Plan(scan, TsvFormat.Unknown, [], false, null, null, TrackFileAction.Skip, "unanswered question");
        }

        if (answer == "skip")
        {
            // BUG-4: "skip" really skips; nothing is copied.
            return Plan(scan, TsvFormat.Unknown, [], false, null, null, TrackFileAction.Skip, "skipped by answer (format)");
        }

        TsvFormat format = hint.Format;
        if (answer != "detected")
        {
            TsvFormatNames.TryParse(answer, out format);
        }

        // BUG-17: confirming the hint keeps the header-detected run-id columns.
        IReadOnlyList<int> columns = format == hint.Format && hint.HasHeaderRow ? hint.RunIdColumns : TsvFormatNames.StandardColumns(format);
        if (format == TsvFormat.TrecEval)
        {
            columns = [];
        }

        return Plan(scan, format, columns, hint.HasHeaderRow, null, null, TrackFileAction.Rewrite, null);
    }

    private static TrackFilePlan Plan(TrackFileScan scan, TsvFormat format, IReadOnlyList<int> columns, bool header, string? runId, string? suffix, TrackFileAction action, string? reason) =>
        new(scan.File.RelativePath, scan.File.Tree, scan.File.Task, scan.File.FileName, scan.Kind, format, columns, header, runId, suffix, action, reason);

    private sealed class OrderedNames
    {
        private readonly HashSet<string> _set = new(StringComparer.Ordinal);

        public List<string> Items { get; } = [];

        public void Add(string name)
        {
            if (_set.Add(name))
            {
                Items.Add(name);
            }
        }

        public void AddRange(IEnumerable<string> names)
        {
            foreach (string n in names)
            {
                Add(n);
            }
        }
    }
}
