using System.Diagnostics;
using System.Globalization;
using PiiOrleans.Silo.Hosting;

namespace PiiOrleans.Benchmarks.Pool;

/// <summary>One pool member as its own process (the silo build in Silo/bin), with its peak RSS read from /proc.</summary>
internal sealed class PoolSiloProcess : IDisposable
{
    private readonly Process _process;
    private long _peakKilobytes;

    private PoolSiloProcess(Process process, int siloPort)
    {
        _process = process;
        SiloPort = siloPort;
    }

    public int SiloPort { get; }

    public bool IsRunning => !_process.HasExited;

    /// <summary>Peak resident set (VmHWM) in MB, as last read (a killed process keeps its last reading).</summary>
    public double PeakMegabytes
    {
        get
        {
            Sample();
            return _peakKilobytes / 1024.0;
        }
    }

    public static PoolSiloProcess Start(string siloAssembly, string redisUrl, string clusterId, string dataRoot)
    {
        var siloPort = FreePort.Next();
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[]
                 {
                     siloAssembly, "serve", "--port", "0", "--cluster", redisUrl, "--cluster-id", clusterId, "--advertise", "127.0.0.1",
                     "--data-root", dataRoot, "--silo-port", siloPort.ToString(CultureInfo.InvariantCulture),
                     "--gateway-port", FreePort.Next().ToString(CultureInfo.InvariantCulture), "--Logging:LogLevel:Default=Warning",
                 })
        {
            info.ArgumentList.Add(arg);
        }

        // The image's setting (Dockerfile): the same gen-0 budget as a deployed silo.
        info.Environment["DOTNET_GCgen0size"] = "0x2000000";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new PoolSiloProcess(process, siloPort);
    }

    /// <summary>Reads VmHWM while the process lives (call it before killing it).</summary>
    public void Sample()
    {
        try
        {
            if (_process.HasExited)
            {
                return;
            }

            foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    _peakKilobytes = Math.Max(_peakKilobytes, long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture));
                }
            }
        }
        catch (IOException)
        {
            // It exited between the check and the read.
        }
    }

    public void Kill()
    {
        Sample();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
