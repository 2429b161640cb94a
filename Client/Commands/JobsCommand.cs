using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using PiiOrleans.Grains.Interfaces.Jobs;

namespace PiiOrleans.Client.Commands;

/// <summary><c>piiorleans jobs …</c>: the generic job commands (submit, status, watch, answer, cancel, list, types).</summary>
public static class JobsCommand
{
    private static readonly JsonSerializerOptions IndentedJson = new(JobJson.Options) { WriteIndented = true };

    /// <summary>Creates the command and its subcommands.</summary>
    public static Command Create(ClientEnvironment environment)
    {
        var command = new Command("jobs", "Submit, follow and manage jobs of any registered type.");
        command.Subcommands.Add(Submit(environment));
        command.Subcommands.Add(Status(environment));
        command.Subcommands.Add(Watch(environment));
        command.Subcommands.Add(Answer(environment));
        command.Subcommands.Add(Cancel(environment));
        command.Subcommands.Add(List(environment));
        command.Subcommands.Add(Types(environment));
        return command;
    }

    private static Command Submit(ClientEnvironment environment)
    {
        var type = new Option<string>("--type", "-t") { Description = "Job type (see 'jobs types').", Required = true };
        var parameters = new Option<string?>("--params", "-p") { Description = "Job parameters: a JSON object, or the path of a JSON file." };
        var watch = new Option<bool>("--watch", "-w") { Description = "Follow the job to its end (always on without --silo)." };
        var answers = AnswerOption();
        var command = new Command("submit", "Submit a job; prints its id, or follows it with --watch.") { type, parameters, watch, answers };
        command.SetAction((parseResult, cancellationToken) => environment.GuardAsync(
            async () =>
            {
                var submission = new JobSubmission(parseResult.GetRequiredValue(type), JobParametersInput.Read(parseResult.GetValue(parameters)));
                var answerProvider = AnswersFrom(parseResult, answers);
                await using var session = await environment.ConnectAsync(parseResult, cancellationToken);
                var submitted = await ClientEnvironment.SubmitAsync(session, submission);
                await environment.Output.WriteLineAsync(submitted.Id);
                // An embedded silo ends with this command, so there is nothing to come back to: follow the job.
                if (!parseResult.GetValue(watch) && !session.IsEmbedded)
                {
                    return JobExitCodes.Success;
                }

                var result = await environment.WatchAsync(parseResult, session, submitted.Id, answerProvider, cancellationToken);
                await WriteResultAsync(environment, result.Status);
                return result.ExitCode;
            },
            cancellationToken));
        return command;
    }

    private static Command Status(ClientEnvironment environment)
    {
        var id = new Argument<string>("id") { Description = "Job id." };
        var command = new Command("status", "Print a job's status as JSON.") { id };
        command.SetAction((parseResult, cancellationToken) => environment.GuardAsync(
            async () =>
            {
                await using var session = await environment.ConnectAsync(parseResult, cancellationToken);
                var status = await session.Connection.GetStatusAsync(parseResult.GetRequiredValue(id), cancellationToken);
                await environment.Output.WriteLineAsync(JsonSerializer.Serialize(status, IndentedJson));
                return JobExitCodes.Success;
            },
            cancellationToken));
        return command;
    }

    private static Command Watch(ClientEnvironment environment)
    {
        var id = new Argument<string>("id") { Description = "Job id." };
        var answers = AnswerOption();
        var command = new Command("watch", "Follow a job's events to its end; Ctrl+C cancels the job.") { id, answers };
        command.SetAction((parseResult, cancellationToken) => environment.GuardAsync(
            async () =>
            {
                var answerProvider = AnswersFrom(parseResult, answers);
                await using var session = await environment.ConnectAsync(parseResult, cancellationToken);
                var result = await environment.WatchAsync(parseResult, session, parseResult.GetRequiredValue(id), answerProvider, cancellationToken);
                await WriteResultAsync(environment, result.Status);
                return result.ExitCode;
            },
            cancellationToken));
        return command;
    }

    private static Command Answer(ClientEnvironment environment)
    {
        var id = new Argument<string>("id") { Description = "Job id." };
        var answers = new Argument<string[]>("answers") { Description = "Answers as KEY=VALUE (the key is shown with each question).", Arity = ArgumentArity.OneOrMore };
        var command = new Command("answer", "Answer a job's open questions.") { id, answers };
        command.SetAction((parseResult, cancellationToken) => environment.GuardAsync(
            async () =>
            {
                var parsed = ParseAnswers(parseResult.GetRequiredValue(answers));

                await using var session = await environment.ConnectAsync(parseResult, cancellationToken);
                await session.Connection.AnswerAsync(parseResult.GetRequiredValue(id), parsed, cancellationToken);
                await environment.Output.WriteLineAsync($"{parsed.Count} answer(s) sent.");
                return JobExitCodes.Success;
            },
            cancellationToken));
        return command;
    }

    private static Command Cancel(ClientEnvironment environment)
    {
        var id = new Argument<string>("id") { Description = "Job id." };
        var command = new Command("cancel", "Ask the silo to cancel a job.") { id };
        command.SetAction((parseResult, cancellationToken) => environment.GuardAsync(
            async () =>
            {
                await using var session = await environment.ConnectAsync(parseResult, cancellationToken);
                var jobId = parseResult.GetRequiredValue(id);
                await session.Connection.CancelAsync(jobId, cancellationToken);
                await environment.Output.WriteLineAsync($"Cancellation of job {jobId} requested.");
                return JobExitCodes.Success;
            },
            cancellationToken));
        return command;
    }

    private static Command List(ClientEnvironment environment)
    {
        var command = new Command("list", "List the silo's jobs, newest first.");
        command.SetAction((parseResult, cancellationToken) => environment.GuardAsync(
            async () =>
            {
                await using var session = await environment.ConnectAsync(parseResult, cancellationToken);
                var jobs = await session.Connection.ListJobsAsync(cancellationToken);
                await environment.Output.WriteLineAsync($"{"ID",-24} {"TYPE",-16} {"STATE",-18} {"EXIT",4}  SUBMITTED (UTC)");
                foreach (var job in jobs)
                {
                    var exit = job.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "-";
                    await environment.Output.WriteLineAsync(
                        string.Create(CultureInfo.InvariantCulture, $"{job.JobId,-24} {job.Type,-16} {job.State,-18} {exit,4}  {job.SubmittedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}"));
                }

                return JobExitCodes.Success;
            },
            cancellationToken));
        return command;
    }

    private static Command Types(ClientEnvironment environment)
    {
        var command = new Command("types", "List the job types the silo can run.");
        command.SetAction((parseResult, cancellationToken) => environment.GuardAsync(
            async () =>
            {
                await using var session = await environment.ConnectAsync(parseResult, cancellationToken);
                foreach (var type in await session.Connection.GetJobTypesAsync(cancellationToken))
                {
                    await environment.Output.WriteLineAsync($"{type.Name,-16} {type.Description}");
                }

                return JobExitCodes.Success;
            },
            cancellationToken));
        return command;
    }

    private static Option<string[]> AnswerOption() => new("--answer", "-a")
    {
        Description = "Answer a question without asking: KEY=VALUE (repeatable).",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private static Func<JobQuestion, string?>? AnswersFrom(ParseResult parseResult, Option<string[]> option)
    {
        var given = parseResult.GetValue(option);
        if (given is not { Length: > 0 })
        {
            return null;
        }

        var byKey = ParseAnswers(given).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        return question => byKey.GetValueOrDefault(question.Key);
    }

    private static List<JobAnswer> ParseAnswers(IEnumerable<string> pairs)
    {
        var parsed = new List<JobAnswer>();
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=');
            if (equals <= 0)
            {
                throw new ClientUsageException($"Answer {parsed.Count + 1} is not KEY=VALUE.");
            }

            parsed.Add(new JobAnswer(pair[..equals], pair[(equals + 1)..]));
        }

        return parsed;
    }

    private static async Task WriteResultAsync(ClientEnvironment environment, JobStatus? status)
    {
        if (status?.Result is { } result)
        {
            await environment.Output.WriteLineAsync(JsonSerializer.Serialize(result, IndentedJson));
        }
    }
}
