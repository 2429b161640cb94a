using System.Diagnostics;
using PiiOrleans.Tables;
using PiiOrleans.Tests.Hosting;
using PiiOrleans.Tests.Tables;
using PiiOrleans.Tests.Tables.Tee;

namespace PiiOrleans.Tests.EndToEnd;

/// <summary>
/// The TEE container stopped mid-job (<c>docker stop</c> sends SIGTERM, then SIGKILL after 10 s): the real
/// <c>PiiOrleans.Silo tee</c> process cancels the job, publishes nothing, removes its scratch files and exits with code 4.
/// </summary>
public sealed class TeeSigtermEndToEndTests : IDisposable
{
    private readonly TestDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Sigterm_cancels_the_job_and_exits_with_code_4_within_the_grace_period()
    {
        var input = Path.Combine(_db.Directory, "in");
        Directory.CreateDirectory(input);
        TeeJobInputs.WriteUsers(input, 200_000);
        var configPath = TeeJobInputs.WritePatternsOnlyConfig(_db.Directory);

        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(SiloProcess.SiloAssembly());
        info.ArgumentList.Add("tee");
        info.Environment["DEV_MODE"] = "1";
        info.Environment["INPUT_PATH"] = input;
        info.Environment["OUTPUT_PATH"] = _db.OutputDirectory;
        info.Environment["PRESIDIO_CONFIG_PATH"] = configPath;
        using var process = Process.Start(info)!;
        var lines = new List<string>();
        var progress = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (lines)
            {
                lines.Add(e.Data);
            }

            if (e.Data.Contains("\"event\":\"progress\"", StringComparison.Ordinal))
            {
                progress.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await progress.Task.WaitAsync(TimeSpan.FromSeconds(60));
            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            var stopped = Stopwatch.StartNew();
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(grace.Token);
            process.WaitForExit(); // the output is drained

            string log;
            lock (lines)
            {
                log = string.Join('\n', lines);
            }

            Assert.True(process.ExitCode == TablesExitCodes.Cancelled, $"exit {process.ExitCode}: {log}");
            Assert.Contains("\"event\":\"cancelled\"", log);
            Assert.DoesNotContain("\"event\":\"summary\"", log);
            Assert.True(stopped.Elapsed < TimeSpan.FromSeconds(10), $"{stopped.Elapsed}");
            Assert.Empty(Directory.GetFileSystemEntries(_db.OutputDirectory).Select(Path.GetFileName));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}
