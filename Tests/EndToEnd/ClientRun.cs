using PiiOrleans.Client;
using PiiOrleans.Tests.Silo.TestJobs;

namespace PiiOrleans.Tests.EndToEnd;

/// <summary>Runs the piiorleans command line in-process without a terminal and captures what it prints.</summary>
public sealed record ClientRun(int ExitCode, string Output, string Error)
{
    public static async Task<ClientRun> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new ClientEnvironment(output, error, terminalAttached: false)
        {
            ConfigureEmbeddedSilo = TestJobTypes.Register,
        };
        var exitCode = await ClientCommandLine.RunAsync(args, environment, cancellationToken);
        return new ClientRun(exitCode, output.ToString(), error.ToString());
    }
}
