using System.CommandLine;
using System.Globalization;
using PiiOrleans.Silo.Hosting;

namespace PiiOrleans.Client.Commands;

/// <summary><c>piiorleans serve</c>: runs a silo with its gateway in the foreground (the same silo as <c>PiiOrleans.Silo serve</c>).</summary>
public static class ServeCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(ClientEnvironment environment)
    {
        var port = new Option<int?>("--port") { Description = "Gateway port (default 5080 from appsettings.json; 0 = any free port)." };
        var host = new Option<string?>("--host") { Description = "Address to bind (default 127.0.0.1; 0.0.0.0 in a container)." };
        var urls = new Option<string?>("--urls") { Description = "Listen URLs, ';'-separated; override --host and --port." };
        var logFormat = new Option<string?>("--log-format") { Description = "Console log format: simple or json." };
        logFormat.AcceptOnlyFromAmong("simple", "json");
        var siloPort = new Option<int?>("--silo-port") { Description = "Orleans silo-to-silo port (default 11111)." };
        var gatewayPort = new Option<int?>("--gateway-port") { Description = "Orleans gateway port for clients (default 30000)." };
        var advertise = new Option<string?>("--advertise") { Description = "Address other pool members and clients reach this silo on (with --cluster)." };
        var dataRoots = new Option<string[]>("--data-root")
        {
            Description = "A folder job inputs and outputs may lie in (repeatable); without one the silo accepts no job paths.",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("serve", "Run a silo and its HTTP gateway until Ctrl+C; with --cluster, join a pool.")
        {
            port, host, urls, logFormat, siloPort, gatewayPort, advertise, dataRoots,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var args = new List<string>();
            if (parseResult.GetValue(port) is { } portValue)
            {
                args.AddRange(["--port", portValue.ToString(CultureInfo.InvariantCulture)]);
            }

            Add(args, "--host", parseResult.GetValue(host));
            Add(args, "--urls", parseResult.GetValue(urls));
            Add(args, "--log-format", parseResult.GetValue(logFormat));
            Add(args, "--silo-port", parseResult.GetValue(siloPort)?.ToString(CultureInfo.InvariantCulture));
            Add(args, "--gateway-port", parseResult.GetValue(gatewayPort)?.ToString(CultureInfo.InvariantCulture));
            Add(args, "--advertise", parseResult.GetValue(advertise));
            // The global --cluster/--cluster-id name the pool this silo joins.
            Add(args, "--cluster", parseResult.GetValue(environment.ClusterOption));
            if (parseResult.GetResult(environment.ClusterIdOption) is { Implicit: false })
            {
                Add(args, "--cluster-id", parseResult.GetValue(environment.ClusterIdOption));
            }

            foreach (var root in parseResult.GetValue(dataRoots) ?? [])
            {
                Add(args, "--data-root", root);
            }

            return SiloServer.RunAsync([.. args], environment.Error, cancellationToken);
        });
        return command;
    }

    private static void Add(List<string> args, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            args.AddRange([name, value]);
        }
    }
}
