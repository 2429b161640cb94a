using System.CommandLine;
using System.Text.Json;
using PiiOrleans.Grains.Interfaces.Jobs;
using PiiOrleans.Grains.Interfaces.Tracks;
using PiiOrleans.Tracks;

namespace PiiOrleans.Client.Commands;

/// <summary>
/// <c>piiorleans tracks …</c>: <c>anonymize</c> runs a "tracks" job (embedded silo by default, <c>--silo URL</c> remote);
/// the mapping tools (<c>show-mapping</c>, <c>reverse-lookup</c>, <c>recover-mapping</c>) work on a local database.
/// </summary>
public static class TracksCommand
{
    /// <summary>Creates the <c>tracks</c> group.</summary>
    public static Command Create(ClientEnvironment environment)
    {
        var command = new Command("tracks", "Anonymize TREC-style track exports (teams → T###, runs → plantimals) and inspect mapping databases.");
        command.Subcommands.Add(Anonymize(environment));
        foreach (var tool in TracksMappingCommands.Create())
        {
            command.Subcommands.Add(tool);
        }

        return command;
    }

    private static Command Anonymize(ClientEnvironment environment)
    {
        var input = new Option<string>("--input", "-i") { Description = "Export root holding runs/, metadata/ and eval/.", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "Output root (created; must not be inside the input).", Required = true };
        var mapping = new Option<string>("--mapping", "-m") { Description = "Mapping database (created if missing).", DefaultValueFactory = _ => "mapping.db" };
        var priority = new Option<string?>("--priority", "-p") { Description = "Keep only runs whose metadata std-priority equals this text, e.g. \"1 (top)\"." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the whole plan (files, kinds, formats, output names, pseudonyms, open questions); write nothing." };
        var answers = new Option<string?>("--answers") { Description = "Answers file: {\"answers\": {KEY: VALUE}, \"policies\": {KIND: VALUE}}." };
        var saveAnswers = new Option<string?>("--save-answers") { Description = "Write the answers used (file + prompts) to this file." };
        var scanPii = new Option<bool>("--scan-pii") { Description = "Also anonymize free text: known team/run names and PII found by the engine." };
        var resume = new Option<bool>("--resume") { Description = "Finish an interrupted job: skip files whose output is still current." };
        var force = new Option<bool>("--force") { Description = "Replace the runs/metadata/eval folders of a non-empty output." };
        var seed = new Option<long?>("--seed") { Description = "Seed for a new mapping database (must match an existing one)." };
        var runsDir = new Option<string>("--runs-dir") { Description = "Name of the runs folder.", DefaultValueFactory = _ => "runs" };
        var metadataDir = new Option<string>("--metadata-dir") { Description = "Name of the metadata folder.", DefaultValueFactory = _ => "metadata" };
        var evalDir = new Option<string>("--eval-dir") { Description = "Name of the eval folder.", DefaultValueFactory = _ => "eval" };
        var command = new Command("anonymize", "Anonymize a track export into a new folder; every question is settled before anything is written.")
        {
            input, output, mapping, priority, dryRun, answers, saveAnswers, scanPii, resume, force, seed, runsDir, metadataDir, evalDir,
        };
        command.SetAction((parseResult, cancellationToken) => environment.GuardAsync(
            async () =>
            {
                var (fileAnswers, filePolicies) = TracksAnswersFile.Read(parseResult.GetValue(answers));
                var parameters = new TracksJobParameters(
                    Path.GetFullPath(parseResult.GetRequiredValue(input)),
                    Path.GetFullPath(parseResult.GetRequiredValue(output)),
                    Path.GetFullPath(parseResult.GetRequiredValue(mapping)),
                    parseResult.GetValue(priority),
                    parseResult.GetValue(dryRun),
                    parseResult.GetValue(scanPii),
                    parseResult.GetValue(resume),
                    parseResult.GetValue(force),
                    parseResult.GetValue(seed),
                    fileAnswers,
                    filePolicies,
                    parseResult.GetRequiredValue(runsDir),
                    parseResult.GetRequiredValue(metadataDir),
                    parseResult.GetRequiredValue(evalDir),
                    Interactive: environment.IsInteractive(parseResult));
                var submission = new JobSubmission("tracks", JsonSerializer.SerializeToElement(parameters, TracksJson.Options));
                var watched = await environment.RunJobAsync(parseResult, submission, answerProvider: null, cancellationToken);
                if (watched.Status?.Result is not { } element || element.ValueKind != JsonValueKind.Object)
                {
                    if (watched.Status?.Error is { } error)
                    {
                        await environment.Error.WriteLineAsync(error);
                    }

                    return watched.ExitCode;
                }

                var result = element.Deserialize<TracksJobResult>(TracksJson.Options)!;
                await environment.Output.WriteAsync(TracksResultText.Render(parameters, result, watched.ExitCode));
                if (parseResult.GetValue(saveAnswers) is { } savePath)
                {
                    TracksAnswersFile.Write(savePath, fileAnswers, result.AnswersGiven, filePolicies);
                    await environment.Output.WriteLineAsync($"Answers saved to: {savePath}");
                }

                return watched.ExitCode;
            },
            cancellationToken));
        return command;
    }
}
