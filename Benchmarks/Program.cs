// Benchmark dispatcher: dotnet run -c Release --project Benchmarks -- <name> [options]
// Each pipeline adds one line to the table below.
using PiiOrleans.Benchmarks.Grains;
using PiiOrleans.Benchmarks.Ner;
using PiiOrleans.Benchmarks.Pii;
using PiiOrleans.Benchmarks.Pool;
using PiiOrleans.Benchmarks.Tables;
using PiiOrleans.Benchmarks.Tracks;

var benchmarks = new SortedDictionary<string, Func<string[], Task<int>>>(StringComparer.OrdinalIgnoreCase)
{
    ["grains"] = GrainCallBenchmark.RunAsync,
    ["ner"] = a => Task.FromResult(NerBenchmark.Run(a)),
    ["ner-eval"] = a => Task.FromResult(NerEvaluation.Run(a)),
    ["pii"] = PiiBenchmark.RunAsync,
    ["pool"] = PoolBenchmark.RunAsync,
    ["tables"] = TablesBenchmark.RunAsync,
    ["tracks"] = TracksBenchmark.RunAsync,
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var benchmark))
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project Benchmarks -- <name> [options]");
    Console.Error.WriteLine("benchmarks: " + string.Join(", ", benchmarks.Keys));
    return args.Length == 0 || args[0] is "-h" or "--help" ? 0 : 2;
}

return await benchmark(args[1..]);
