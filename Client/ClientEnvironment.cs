using System.CommandLine;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PiiOrleans.Client.Connection;
using PiiOrleans.Client.Watching;
using PiiOrleans.Grains.Interfaces.Jobs;
using PiiOrleans.Silo.Hosting;
using Spectre.Console;

namespace PiiOrleans.Client;

/// <summary>
/// What every command shares: the global options (<c>--silo</c>, <c>--gateway</c>, <c>--cluster-id</c>, <c>--plain</c>), the output writers, whether a terminal
/// is attached, and the one code path that connects to a silo (remote or embedded), runs a job and maps errors to exit codes.
/// </summary>
public sealed class ClientEnvironment
{
    /// <summary>The environment variable holding the API key sent to a silo's HTTP API (<c>--silo URL</c>).</summary>
    public const string ApiKeyVariable = "PIIORLEANS_API_KEY";

    /// <summary>Creates an environment writing to <paramref name="output"/>/<paramref name="error"/>.</summary>
    public ClientEnvironment(TextWriter output, TextWriter error, bool terminalAttached)
    {
        Output = output;
        Error = error;
        TerminalAttached = terminalAttached;
    }

    /// <summary>The environment of the real console: a terminal counts only when neither input nor output is redirected.</summary>
    public static ClientEnvironment ForConsole() =>
        new(Console.Out, Console.Error, !Console.IsOutputRedirected && !Console.IsInputRedirected);

    /// <summary>Standard output: results and event lines.</summary>
    public TextWriter Output { get; }

    /// <summary>Standard error: error messages.</summary>
    public TextWriter Error { get; }

    /// <summary>True when a person can see progress bars and answer prompts.</summary>
    public bool TerminalAttached { get; }

    /// <summary>Extra services for the embedded silo (tests register their job types here).</summary>
    public Action<IServiceCollection>? ConfigureEmbeddedSilo { get; init; }

    /// <summary>Global option: the base URL of a running silo; without it the command runs a silo in-process.</summary>
    public Option<string?> SiloOption { get; } = new("--silo")
    {
        Description = "Base URL of a running silo (e.g. http://127.0.0.1:5080). Without it, the command starts a silo in-process.",
        Recursive = true,
    };

    /// <summary>Global option: the Orleans gateway of a running silo or pool; the command is an Orleans client of it.</summary>
    public Option<string?> GatewayOption { get; } = new("--gateway")
    {
        Description = "HOST:PORT of a running silo's Orleans gateway (e.g. 127.0.0.1:30000). The command then runs as an Orleans client of that cluster.",
        Recursive = true,
    };

    /// <summary>Global option: the pool's Redis; the command is an Orleans client of that pool (or, for serve, joins it).</summary>
    public Option<string?> ClusterOption { get; } = new("--cluster")
    {
        Description = "The pool's Redis as redis://HOST:PORT: commands run as Orleans clients of the pool; 'serve' joins it.",
        Recursive = true,
    };

    /// <summary>Global option: the cluster id that <see cref="GatewayOption"/> belongs to.</summary>
    public Option<string> ClusterIdOption { get; } = new("--cluster-id")
    {
        Description = "The Orleans cluster id of the silos behind --gateway (default: piiorleans).",
        DefaultValueFactory = _ => "piiorleans",
        Recursive = true,
    };

    /// <summary>Global option: plain one-line-per-event output even on a terminal (no progress bars, no prompts).</summary>
    public Option<bool> PlainOption { get; } = new("--plain")
    {
        Description = "Plain output: one line per event, no progress bars and no prompts.",
        Recursive = true,
    };

    /// <summary>True when the command may draw progress bars and prompt.</summary>
    public bool IsInteractive(ParseResult parseResult) => TerminalAttached && !parseResult.GetValue(PlainOption);

    /// <summary>Connects to the silo the command line names, or starts an embedded one.</summary>
    public async Task<SiloSession> ConnectAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var silo = parseResult.GetValue(SiloOption);
        var gateway = parseResult.GetValue(GatewayOption);
        var cluster = parseResult.GetValue(ClusterOption);
        if (new[] { silo, gateway, cluster }.Count(v => !string.IsNullOrWhiteSpace(v)) > 1)
        {
            throw new ClientUsageException("Use one of --silo (HTTP), --gateway (one silo's Orleans gateway) or --cluster (a pool), not several.");
        }

        if (!string.IsNullOrWhiteSpace(cluster))
        {
            PoolCluster pool;
            try
            {
                pool = PoolCluster.Parse(cluster)!;
            }
            catch (SiloConfigurationException e)
            {
                throw new ClientUsageException(e.Message.Replace("Silo:Cluster (--cluster)", "--cluster", StringComparison.Ordinal));
            }

            return await SiloSession.ConnectPoolAsync(pool, parseResult.GetValue(ClusterIdOption) ?? "piiorleans", cancellationToken)
                .ConfigureAwait(false);
        }

        if (!string.IsNullOrWhiteSpace(gateway))
        {
            var endpoint = await GatewayAddress.ResolveAsync(gateway, cancellationToken).ConfigureAwait(false);
            return await SiloSession.ConnectGatewayAsync(endpoint, parseResult.GetValue(ClusterIdOption) ?? "piiorleans", cancellationToken)
                .ConfigureAwait(false);
        }

        if (string.IsNullOrWhiteSpace(silo))
        {
            return await SiloSession.StartEmbeddedAsync(ConfigureEmbeddedSilo, cancellationToken).ConfigureAwait(false);
        }

        if (!Uri.TryCreate(silo, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
        {
            throw new ClientUsageException($"--silo '{silo}' is not an http(s) URL; use e.g. --silo http://127.0.0.1:5080.");
        }

        // The key comes from the environment only, so it never shows in a process list or a shell history.
        return await SiloSession.ConnectAsync(address, cancellationToken, Environment.GetEnvironmentVariable(ApiKeyVariable)).ConfigureAwait(false);
    }

    /// <summary>The renderer for this command: Spectre.Console on a terminal, plain lines otherwise.</summary>
    public IJobEventRenderer CreateRenderer(ParseResult parseResult) =>
        IsInteractive(parseResult)
            ? new SpectreJobRenderer(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Output) }))
            : new PlainEventRenderer(Output);

    /// <summary>
    /// Submits <paramref name="submission"/> (to the remote or an embedded silo), follows it to its end and returns the
    /// exit code and final status. <paramref name="answerProvider"/> answers questions before the terminal is asked.
    /// </summary>
    public async Task<JobWatchResult> RunJobAsync(
        ParseResult parseResult,
        JobSubmission submission,
        Func<JobQuestion, string?>? answerProvider,
        CancellationToken cancellationToken)
    {
        await using var session = await ConnectAsync(parseResult, cancellationToken).ConfigureAwait(false);
        var submitted = await SubmitAsync(session, submission).ConfigureAwait(false);
        // Cancelled meanwhile: the watch starts by cancelling the job it was given.
        return await WatchAsync(parseResult, session, submitted.Id, answerProvider, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Submits <paramref name="submission"/> without the user's cancellation: once sent, the silo may have started the
    /// job, and a Ctrl+C that abandoned the answer would leave it running unseen. The caller's watch then cancels it.
    /// </summary>
    public static async Task<JobSubmitted> SubmitAsync(SiloSession session, JobSubmission submission)
    {
        using var limit = new CancellationTokenSource(SubmitTimeout);
        return await session.Connection.SubmitAsync(submission, limit.Token).ConfigureAwait(false);
    }

    private static readonly TimeSpan SubmitTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Follows job <paramref name="jobId"/> on <paramref name="session"/> with this command's renderer.</summary>
    public async Task<JobWatchResult> WatchAsync(
        ParseResult parseResult,
        SiloSession session,
        string jobId,
        Func<JobQuestion, string?>? answerProvider,
        CancellationToken cancellationToken)
    {
        await using var renderer = CreateRenderer(parseResult);
        var watcher = new JobWatcher(
            session.Connection,
            renderer,
            new JobWatchOptions { AnswerProvider = answerProvider, CancelWhenUnanswered = session.IsEmbedded });
        return await watcher.WatchAsync(jobId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs a command body and turns the client's exceptions into a message on standard error and an exit code.</summary>
    public async Task<int> GuardAsync(Func<Task<int>> body, CancellationToken cancellationToken)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (ClientUsageException e)
        {
            return Fail(e.Message, JobExitCodes.InvalidParameters);
        }
        catch (SiloConfigurationException e)
        {
            return Fail(e.Message, JobExitCodes.InvalidParameters);
        }
        catch (JobParameterException e)
        {
            return Fail(e.Message, JobExitCodes.InvalidParameters);
        }
        catch (SiloRequestException e) when (e.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict)
        {
            return Fail(e.Message, JobExitCodes.InvalidParameters);
        }
        catch (SiloRequestException e)
        {
            return Fail(e.Message, JobExitCodes.Unavailable);
        }
        catch (SiloUnreachableException e)
        {
            return Fail(e.Message, JobExitCodes.Unavailable);
        }
        catch (JobNotFoundException e)
        {
            return Fail(e.Message, JobExitCodes.Unavailable);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Fail("Cancelled.", JobExitCodes.Cancelled);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A defect, not bad input: say so in one line instead of a stack trace (the type tells a developer where to look).
            return Fail($"Unexpected error ({e.GetType().Name}): {e.Message}", JobExitCodes.Failed);
        }
    }

    private int Fail(string message, int exitCode)
    {
        Error.WriteLine(message);
        Error.Flush();
        return exitCode;
    }
}
