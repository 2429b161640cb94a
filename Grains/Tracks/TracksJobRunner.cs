using System.Text.Json;
using PiiOrleans.Grains.Interfaces.Jobs;
using PiiOrleans.Grains.Interfaces.Tracks;
using PiiOrleans.Grains.Interfaces.Tracks.Mapping;
using PiiOrleans.Grains.Jobs;
using PiiOrleans.Grains.Security;
using PiiOrleans.Tracks;
using PiiOrleans.Tracks.Mapping;
using PiiOrleans.Tracks.Output;
using PiiOrleans.Tracks.Planning;
using PiiOrleans.Tracks.Records;
using PiiOrleans.Tracks.Writing;

namespace PiiOrleans.Grains.Tracks;

/// <summary>
/// The "tracks" job: plans every file (reading all of them), settles every question before any output, allocates all
/// pseudonyms through the mapping grain in one batch, then rewrites the files in parallel through file grains, phase by
/// phase (runs → metadata → eval), and writes <c>errors.jsonl</c> next to the mapping database.
/// </summary>
public sealed class TracksJobRunner(TrackRewriteSessions sessions, JobDataRoots roots) : IJobRunner
{
    private const int MaxQuestionRounds = 5;

    /// <inheritdoc />
    public async Task<JobOutcome> RunAsync(IJobContext context, JsonElement parameters, CancellationToken cancellationToken)
    {
        var p = ReadParameters(parameters);
        if (context.Checkpoint is { ValueKind: JsonValueKind.Object } checkpoint && checkpoint.TryGetProperty("output_prepared", out _))
        {
            // An earlier attempt of this job prepared the output and was lost with its silo: what is there is this job's
            // own partial output, rewritten in full (every file comes out the same bytes; the mapping already holds the
            // names it allocated).
            p = p with { Force = true, Resume = false };
            context.Warn("job_resumed", "The job resumes after losing a silo: its files are written again with the names already allocated.");
        }

        var paths = TracksPaths.Validate(p, roots);
        // Listed before the mapping is opened, so a wrong root or a link fails before anything is created.
        var files = ListInput(paths, p);
        string mappingKey = paths.Mapping;
        var mapping = context.GrainFactory.GetGrain<IMappingGrain>(mappingKey);
        var decisions = context.GrainFactory.GetGrain<ITracksDecisionGrain>(context.JobId);
        var report = context.GrainFactory.GetGrain<ITracksReportGrain>(context.JobId);
        try
        {
            await mapping.Open(new MappingOpenOptions(p.Seed, ReadOnly: p.DryRun));
        }
        catch (MappingStoreException ex)
        {
            // Raised here when the mapping grain runs in this silo's process without crossing a boundary.
            throw new JobParameterException(ex.Message);
        }

        TracksAnswerSet answers;
        try
        {
            answers = new TracksAnswerSet(p.Answers, p.Policies, "--answers");
        }
        catch (TracksAnswersException ex)
        {
            throw new JobParameterException(ex.Message);
        }


        // Planning: list, filter, scan (in parallel; results keep listing order).
        var clock = System.Diagnostics.Stopwatch.StartNew();
        context.ReportProgress("plan", new { files = files.Count });
        PriorityFilter? priority = string.IsNullOrEmpty(p.Priority)
            ? null
            : PriorityFilter.Build(p.Priority, files.Where(f => f.Tree == TrackTree.Metadata).Select(f => f.FullPath));
        var scans = new TrackFileScan[files.Count];
        var refusals = new TracksInputException?[files.Count];
        Parallel.For(0, files.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            try
            {
                scans[i] = TrackFileScanner.Scan(files[i], priority is null ? null : priority.IncludeRun);
            }
            catch (TracksInputException ex)
            {
                refusals[i] = ex;
            }
        });
        // The first refused file in listing order, whatever order the scans finished in.
        if (refusals.FirstOrDefault(r => r is not null) is { } refusal)
        {
            throw new JobParameterException(refusal.Message);
        }

        context.ReportProgress("scanned", new { files = files.Count, ms = clock.ElapsedMilliseconds });
        var tables = await mapping.GetAll();
        var storedRuns = tables.Runs.Select(r => r.Original).ToList();
        var rules = await LoadRepairRules(mapping, scans);

        TracksPlan plan = TracksPlanResolver.Resolve(scans, answers, storedRuns, priority, rules);
        for (int round = 0; plan.OpenQuestions.Count > 0 && p.Interactive && !p.DryRun && round < MaxQuestionRounds; round++)
        {
            var open = await decisions.Open(plan.OpenQuestions);
            var given = await context.AskAsync([.. open.Select(ToJobQuestion)], cancellationToken);
            if (given.Count == 0)
            {
                break;
            }

            answers = answers.With(given);
            await decisions.Record(given);
            plan = TracksPlanResolver.Resolve(scans, answers, storedRuns, priority, rules);
        }

        var answersGiven = await decisions.GetAnswers();
        if (p.DryRun)
        {
            var preview = await mapping.Preview(plan.Teams, plan.Runs);
            var teams = preview.Teams.ToDictionary(t => t.Original, t => t.Anonymized, StringComparer.Ordinal);
            var runs = preview.Runs.ToDictionary(t => t.Original, t => t.Anonymized, StringComparer.Ordinal);
            var dryFiles = plan.Files.Select(f => f with { OutputRelativePath = TrackOutputNames.For(f, r => runs.GetValueOrDefault(r)) }).ToList();
            return Outcome(new TracksJobResult(true, dryFiles, plan.OpenQuestions, answersGiven, teams, runs,
                plan.Teams.Count(t => !tables.Teams.Any(x => x.Original == t)), plan.Runs.Count(r => !storedRuns.Contains(r)),
                null, null, tables.Teams.Count, tables.Runs.Count), 0);
        }

        if (plan.OpenQuestions.Count > 0)
        {
            await decisions.Open(plan.OpenQuestions);
            return Outcome(new TracksJobResult(false, plan.Files, plan.OpenQuestions, answersGiven,
                new Dictionary<string, string>(), new Dictionary<string, string>(), 0, 0, null, null, tables.Teams.Count, tables.Runs.Count),
                TracksExitCodes.UnansweredQuestions);
        }

        // Allocation: capacity first, so a too-small pool fails before anything is written (LIMIT-8).
        try
        {
            await mapping.Reserve(plan.Teams, plan.Runs);
        }
        catch (MappingPoolExhaustedException ex)
        {
            context.Warn("pool_exhausted", ex.Message);
            return Outcome(new TracksJobResult(false, plan.Files, [], answersGiven, new Dictionary<string, string>(), new Dictionary<string, string>(),
                0, 0, null, null, tables.Teams.Count, tables.Runs.Count), TracksExitCodes.PoolExhausted);
        }

        context.ReportProgress("planned", new { ms = clock.ElapsedMilliseconds });
        var teamNames = await mapping.GetOrCreateTeams(plan.Teams);
        var runNames = await mapping.GetOrCreateRuns(plan.Runs);
        var teamMap = Zip(plan.Teams, teamNames);
        var runMap = Zip(plan.Runs, runNames);
        var planned = plan.Files.Select(f => f with { OutputRelativePath = TrackOutputNames.For(f, r => runMap.GetValueOrDefault(r)) }).ToList();
        context.ReportProgress("allocated", new { teams = plan.Teams.Count, runs = plan.Runs.Count, ms = clock.ElapsedMilliseconds });
        TracksPaths.CheckCollisions(planned);
        // Fenced before anything is deleted: an attempt another one superseded (a duplicate activation's runner) is refused
        // here instead of removing the owner's files. An attempt lost between the two lines leaves nothing that its
        // successor (which prepares with --force) could not remove: the output was empty, forced, or being resumed.
        await context.SaveCheckpointAsync(JsonSerializer.SerializeToElement(new { output_prepared = true }));
        TracksPaths.PrepareOutput(paths.Output, p.Force, p.Resume, [p.RunsDir, p.MetadataDir, p.EvalDir]);

        await SaveRepairRules(mapping, answers, scans);
        if (plan.RunTeams.Count > 0)
        {
            await mapping.RecordRunTeams(plan.RunTeams.Select(kv => new RunTeamAssociation(kv.Key, kv.Value)).ToList());
        }

        var settings = new TrackRewriteSettings(paths.Input, paths.Output, teamMap, runMap, plan.RunsKnownBeforeMetadata, plan.RunTeams,
            answers.Answers, answers.Policies,
            rules.Entries, priority?.IncludedRuns, p.ScanPii);
        var settingsKey = SettingsKey(settings);

        if (p.ScanPii && !sessions.HasTextEngine)
        {
            context.Warn("scan_pii_without_engine", "--scan-pii: no PII engine is configured in this silo; only known team and run names are replaced in free text.");
        }

        var results = new List<TrackFileResult>(planned.Count);
        var filesPerSilo = new SortedDictionary<string, int>(StringComparer.Ordinal);
        try
        {
            using var manifest = ResumeManifest.Open(paths.Output, p.Resume, write: true);
            foreach (TrackTree phase in new[] { TrackTree.Runs, TrackTree.Metadata, TrackTree.Eval })
            {
                var phaseFiles = planned.Where(f => f.Tree == phase && f.Action == TrackFileAction.Rewrite).ToList();
                var phaseResults = new TrackFileResult[phaseFiles.Count];
                var phaseFingerprints = new TaskCompletionSource<IReadOnlyList<FingerprintRecord>>[phaseFiles.Count];
                for (var i = 0; i < phaseFingerprints.Length; i++)
                {
                    phaseFingerprints[i] = new TaskCompletionSource<IReadOnlyList<FingerprintRecord>>(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                // Fingerprints are recorded in plan order while later files are still being rewritten.
                var recording = RecordFingerprints(mapping, phaseFingerprints);
                var rewriting = Parallel.ForEachAsync(Enumerable.Range(0, phaseFiles.Count),
                    new ParallelOptions { MaxDegreeOfParallelism = Math.Max(8, Environment.ProcessorCount * 4), CancellationToken = cancellationToken },
                    async (i, ct) =>
                    {
                        var f = phaseFiles[i];
                        string input = Path.Combine(paths.Input, f.RelativePath);
                        if (p.Resume && manifest.IsDone(input, f.RelativePath, f.OutputRelativePath!))
                        {
                            phaseResults[i] = new TrackFileResult(f.RelativePath, f.OutputRelativePath, 0, 0, 0, true, []);
                            phaseFingerprints[i].TrySetResult([]);
                            return;
                        }

                        var outcome = await RewriteAsync(context.GrainFactory, new TrackFileWork(context.JobId, f, settingsKey, settings));
                        phaseResults[i] = outcome.Result;
                        phaseFingerprints[i].TrySetResult(outcome.Fingerprints);
                        lock (filesPerSilo)
                        {
                            filesPerSilo[outcome.Silo] = filesPerSilo.GetValueOrDefault(outcome.Silo) + 1;
                        }
                        manifest.Record(input, f.RelativePath, f.OutputRelativePath!);
                        context.IncrementCounter("files");
                    });
                try
                {
                    await rewriting;
                }
                finally
                {
                    // A failed or cancelled phase leaves files without fingerprints: the recorder must not wait for them.
                    foreach (var pending in phaseFingerprints)
                    {
                        pending.TrySetCanceled();
                    }
                }

                await recording;
                results.AddRange(phaseResults);
                context.ReportProgress("phase", new { phase = phase.ToString().ToLowerInvariant(), files = phaseFiles.Count, ms = clock.ElapsedMilliseconds });
            }
        }
        finally
        {
            await mapping.Flush();
            context.ReportProgress("flushed", new { ms = clock.ElapsedMilliseconds });
        }

        await report.Set(results, planned.Where(f => f.Action == TrackFileAction.Skip && f.Reason is not null)
            .Select(f => new TrackIssue("skipped_file", f.RelativePath, null, null, $"File not written: {f.Reason}")).ToList());
        var summary = await report.GetSummary() with
        {
            FilesFiltered = planned.Count(f => f.Action == TrackFileAction.Filtered),
            FilesSkipped = planned.Count(f => f.Action == TrackFileAction.Skip),
        };
        var issues = await report.GetIssues();
        string errorPath = ErrorReportWriter.PathFor(paths.Mapping);
        // A resumed run does not redo finished files, so their issues from the first run are kept.
        var resumedFiles = results.Where(r => r.Resumed).Select(r => r.RelativePath).ToHashSet(StringComparer.Ordinal);
        ErrorReportWriter.Write(errorPath, issues, DateTime.Now, resumedFiles);
        var stats = await mapping.GetStatistics();
        return Outcome(new TracksJobResult(false, planned, [], answersGiven, teamMap, runMap,
            stats.Teams - tables.Teams.Count, stats.Runs - tables.Runs.Count, summary, issues.Count > 0 ? errorPath : null, stats.Teams, stats.Runs,
            filesPerSilo), 0);
    }

    // Rewriting a file is idempotent (same input, same settings, same bytes): when the silo doing it is lost, the file is
    // sent again and lands on a live one.
    private static async Task<TrackFileOutcome> RewriteAsync(IGrainFactory grains, TrackFileWork work)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await grains.GetGrain<ITrackFileGrain>($"{work.JobId}/{work.Plan.RelativePath}").Rewrite(work);
            }
            catch (Exception e) when (attempt < MaxFileAttempts && SiloLoss.IsSiloLoss(e))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500 * attempt));
            }
        }
    }

    private const int MaxFileAttempts = 4;

    private static IReadOnlyList<TrackInputFile> ListInput(TracksPaths paths, TracksJobParameters p)
    {
        try
        {
            return TracksInputLister.List(paths.Input, p.RunsDir, p.MetadataDir, p.EvalDir);
        }
        catch (TracksInputException ex)
        {
            throw new JobParameterException(ex.Message);
        }
    }

    private static TracksJobParameters ReadParameters(JsonElement parameters)
    {
        try
        {
            return parameters.Deserialize<TracksJobParameters>(TracksJson.Options)
                ?? throw new JobParameterException("The tracks job needs parameters: input, output and mapping.");
        }
        catch (JsonException ex)
        {
            throw new JobParameterException($"Invalid tracks job parameters: {ex.Message}");
        }
    }

    private static JobQuestion ToJobQuestion(TracksQuestion q) => new(q.Key, q.Kind, q.Prompt, q.Choices, q.Default, q.Context);

    // The digest of the settings keys each silo's cache of compiled rewrite sessions.
    private static string SettingsKey(TrackRewriteSettings settings) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(settings, TracksJson.Options)));

    // In plan order, in bounded messages: the mapping's rows do not depend on which file finished first.
    private static async Task RecordFingerprints(IMappingGrain mapping, TaskCompletionSource<IReadOnlyList<FingerprintRecord>>[] perFile)
    {
        const int PerCall = 5_000;
        var chunk = new List<FingerprintRecord>(PerCall);
        foreach (var file in perFile)
        {
            IReadOnlyList<FingerprintRecord> records;
            try
            {
                records = await file.Task.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return; // the phase failed; its error is reported by the rewriting
            }

            chunk.AddRange(records);
            if (chunk.Count >= PerCall)
            {
                await mapping.RecordFingerprints(chunk);
                chunk = new List<FingerprintRecord>(PerCall);
            }
        }

        if (chunk.Count > 0)
        {
            await mapping.RecordFingerprints(chunk);
        }
    }

    private static async Task<TrackRepairRules> LoadRepairRules(IMappingGrain mapping, IReadOnlyList<TrackFileScan> scans)
    {
        var entries = new List<TrackRepairRuleEntry>();
        foreach (var (hash, field, team, _) in scans.SelectMany(s => s.RepairLookups).Distinct())
        {
            if (await mapping.FindRepairRule(hash, team.Length == 0 ? null : team) is { } rule && TrackRepairRules.ToAnswer(rule) is { } action)
            {
                entries.Add(new TrackRepairRuleEntry(hash, field, rule.TeamId is { Length: > 0 } ? rule.TeamId : null, action));
            }
        }

        return new TrackRepairRules(entries);
    }

    private static async Task SaveRepairRules(IMappingGrain mapping, TracksAnswerSet answers, IReadOnlyList<TrackFileScan> scans)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var lookup in scans.SelectMany(s => s.RepairLookups))
        {
            string key = TracksQuestionKeys.Malformed(lookup.FieldPath, lookup.PatternHash);
            if (seen.Add(key) && answers.Exact(key) is { } answer && RepairDecision.Parse(answer) is { } d)
            {
                await mapping.SaveRepairRule(TrackRepairRules.ToRule(lookup, d));
            }
        }
    }

    private static Dictionary<string, string> Zip(IReadOnlyList<string> originals, IReadOnlyList<string> pseudonyms)
    {
        var map = new Dictionary<string, string>(originals.Count, StringComparer.Ordinal);
        for (int i = 0; i < originals.Count; i++)
        {
            map[originals[i]] = pseudonyms[i];
        }

        return map;
    }

    private static JobOutcome Outcome(TracksJobResult result, int exitCode) =>
        new(JsonSerializer.SerializeToElement(result, TracksJson.Options), exitCode);
}
