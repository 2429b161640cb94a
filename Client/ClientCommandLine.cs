using System.CommandLine;
using PiiOrleans.Client.Commands;

namespace PiiOrleans.Client;

/// <summary>The <c>piiorleans</c> command line: the root command with the global options and the catalog's commands.</summary>
public static class ClientCommandLine
{
    /// <summary>Builds the root command for <paramref name="environment"/>.</summary>
    public static RootCommand CreateRootCommand(ClientEnvironment environment)
    {
        var root = new RootCommand("PiiOrleans: anonymizes PII in SQLite query results and track exports, on a silo of grains.");
        root.Options.Add(environment.SiloOption);
        root.Options.Add(environment.GatewayOption);
        root.Options.Add(environment.ClusterOption);
        root.Options.Add(environment.ClusterIdOption);
        root.Options.Add(environment.PlainOption);
        foreach (var command in CommandCatalog.Create(environment))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; returns the exit code (parse errors give 1).</summary>
    public static Task<int> RunAsync(string[] args, ClientEnvironment environment, CancellationToken cancellationToken = default)
    {
        var parseResult = CreateRootCommand(environment).Parse(args);
        return parseResult.InvokeAsync(
            new InvocationConfiguration
            {
                Output = environment.Output,
                Error = environment.Error,
                // Ctrl+C cancels the job and waits for it to stop (JobWatcher allows 10 s); do not kill the process sooner.
                ProcessTerminationTimeout = TimeSpan.FromSeconds(15),
            },
            cancellationToken);
    }
}
