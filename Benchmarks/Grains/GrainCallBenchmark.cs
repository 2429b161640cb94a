using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Concurrency;

namespace PiiOrleans.Benchmarks.Grains;

/// <summary>
/// Grain call throughput and latency: (a) sequential awaited calls on one warm activation, (b) many concurrent
/// callers on one activation, (c) concurrent callers through a stateless-worker pool; plus (a) and (b) with a method that
/// yields once, so every call is queued in the mailbox and completes on the thread pool.
/// Options: --calls N (per scenario, default 1,000,000), --callers C (default 64).
/// </summary>
public static class GrainCallBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var calls = ReadOption(args, "--calls", 1_000_000);
        var callers = ReadOption(args, "--callers", 64);
        if (calls <= 0 || callers <= 0)
        {
            Console.Error.WriteLine("grains: --calls and --callers must be positive integers");
            return 2;
        }

        using var host = await BenchmarkSilo.StartAsync(_ => { });
        var factory = host.Services.GetRequiredService<IGrainFactory>();
        Console.WriteLine($"grain-call benchmark (Orleans, in-process): {calls:N0} calls per scenario, {callers} concurrent callers, {Environment.ProcessorCount} cores");

        var single = factory.GetGrain<IBenchmarkGrain>("warm");
        await MeasureAsync("warm-up", Math.Min(calls, 100_000), 1, i => single.Ping(i), print: false);
        await MeasureAsync("sequential, one activation", calls, 1, i => single.Ping(i));
        await MeasureAsync("concurrent, one activation", calls, callers, i => single.Ping(i));
        await MeasureAsync("sequential, yielding method", calls / 4, 1, i => single.PingYielding(i));
        await MeasureAsync("concurrent, yielding method (mailbox)", calls / 4, callers, i => single.PingYielding(i));

        var worker = factory.GetGrain<IBenchmarkWorkerGrain>("pool");
        await MeasureAsync("warm-up", Math.Min(calls, 100_000), callers, i => worker.Ping(i), print: false);
        await MeasureAsync("concurrent, stateless-worker pool", calls, callers, i => worker.Ping(i));
        return 0;
    }

    private static async Task MeasureAsync(string name, int calls, int callers, Func<int, Task<int>> call, bool print = true)
    {
        var latencies = new long[calls];
        var perCaller = calls / callers;
        var total = Stopwatch.StartNew();
        var tasks = new Task[callers];
        for (var c = 0; c < callers; c++)
        {
            var first = c * perCaller;
            var count = c == callers - 1 ? calls - first : perCaller;
            tasks[c] = Task.Run(async () =>
            {
                for (var i = first; i < first + count; i++)
                {
                    var started = Stopwatch.GetTimestamp();
                    await call(i);
                    latencies[i] = Stopwatch.GetTimestamp() - started;
                }
            });
        }

        await Task.WhenAll(tasks);
        total.Stop();
        if (!print)
        {
            return;
        }

        Array.Sort(latencies);
        var throughput = calls / total.Elapsed.TotalSeconds;
        Console.WriteLine(
            $"{name,-36} {throughput,12:N0} calls/s   p50 {Microseconds(latencies[calls / 2]),8:N1} µs   p99 {Microseconds(latencies[(int)(calls * 0.99)]),8:N1} µs");
    }

    private static double Microseconds(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;

    private static int ReadOption(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : index >= 0 ? -1 : fallback;
    }
}
