using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using PiiOrleans.Silo.Hosting;

namespace PiiOrleans.Tests.Hosting;

/// <summary>
/// A pool member as its own process (<c>PiiOrleans.Silo serve --cluster …</c>, the build in Silo/bin), so that a test
/// can kill it with SIGKILL: nothing of it runs on, no deactivation, no goodbye to the cluster.
/// </summary>
public sealed class SiloProcess : IDisposable
{
    private const int RecentLinesKept = 300;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _recent = new();

    private SiloProcess(Process process, int siloPort)
    {
        _process = process;
        SiloPort = siloPort;
    }

    /// <summary>The silo-to-silo port: the port of the <c>SiloAddress</c> Orleans reports for this member.</summary>
    public int SiloPort { get; }

    /// <summary>Whether the process still runs.</summary>
    public bool IsRunning => !_process.HasExited;

    /// <summary>The process id (for peak memory readings).</summary>
    public int ProcessId => _process.Id;

    /// <summary>Starts a member of <paramref name="clusterId"/> on <paramref name="redisUrl"/> with job paths under <paramref name="dataRoot"/>.</summary>
    public static SiloProcess Start(string redisUrl, string clusterId, string dataRoot)
    {
        var siloPort = FreePort.Next();
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     SiloAssembly(), "serve", "--port", "0", "--cluster", redisUrl, "--cluster-id", clusterId, "--advertise", "127.0.0.1",
                     "--data-root", dataRoot, "--silo-port", siloPort.ToString(CultureInfo.InvariantCulture),
                     "--gateway-port", FreePort.Next().ToString(CultureInfo.InvariantCulture), "--Logging:LogLevel:Default=Warning",
                 })
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info)!;
        var silo = new SiloProcess(process, siloPort);
        process.OutputDataReceived += (_, line) => silo.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => silo.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return silo;
    }

    /// <summary>The last lines the member wrote (warnings and errors), for a failing test's message.</summary>
    public string RecentOutput => $"--- silo on port {SiloPort} ---{Environment.NewLine}{string.Join(Environment.NewLine, _recent)}";

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _recent.Enqueue(line);
        while (_recent.Count > RecentLinesKept && _recent.TryDequeue(out _))
        {
        }
    }

    /// <summary>SIGKILL.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    // The silo as built beside the tests (dotnet test builds the whole solution): repository/Silo/bin/<configuration>/<tfm>.
    internal static string SiloAssembly()
    {
        var tests = new DirectoryInfo(AppContext.BaseDirectory);
        var tfm = tests.Name;
        var configuration = tests.Parent!.Name;
        var repository = tests.Parent.Parent!.Parent!.Parent!.FullName;
        var path = Path.Combine(repository, "Silo", "bin", configuration, tfm, "PiiOrleans.Silo.dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"The silo build {path} is missing; build the solution (dotnet build PiiOrleans.sln -c {configuration}).");
    }
}
