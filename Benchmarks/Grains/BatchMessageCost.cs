using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Serialization.Cloning;
using PiiOrleans.Tables;

namespace PiiOrleans.Benchmarks.Grains;

/// <summary>
/// What a 1,000-row <see cref="TableBatch"/> costs as a grain message: the in-process copy (the batch is [Immutable], so
/// Orleans passes it by reference) and a serialize + deserialize round trip (what a batch placed on another silo costs,
/// and roughly what a deep copy would cost were the records not immutable).
/// </summary>
public static class BatchMessageCost
{
    /// <summary>Measures and prints both.</summary>
    public static void Run(IServiceProvider services)
    {
        var copier = services.GetRequiredService<DeepCopier<TableBatch>>();
        var serializer = services.GetRequiredService<Serializer<TableBatch>>();
        var batch = SampleBatch(1_000);
        var bytes = serializer.SerializeToArray(batch);

        const int copies = 100_000;
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < copies; i++)
        {
            if (!ReferenceEquals(copier.Copy(batch), batch))
            {
                throw new InvalidOperationException("TableBatch was deep-copied: it is no longer [Immutable].");
            }
        }

        var copyNanoseconds = stopwatch.Elapsed.TotalMilliseconds * 1e6 / copies;
        const int roundTrips = 200;
        stopwatch.Restart();
        for (var i = 0; i < roundTrips; i++)
        {
            _ = serializer.Deserialize(serializer.SerializeToArray(batch));
        }

        var roundTripMicroseconds = stopwatch.Elapsed.TotalMilliseconds * 1000 / roundTrips;
        Console.WriteLine($"{"TableBatch of 1,000 rows, in-process copy",-44} {copyNanoseconds,10:N1} ns (passed by reference: [Immutable])");
        Console.WriteLine($"{"TableBatch of 1,000 rows, serialize+read",-44} {roundTripMicroseconds,10:N0} µs ({bytes.Length / 1024.0:N0} KiB on the wire)");
    }

    private static TableBatch SampleBatch(int rows)
    {
        var plans = ImmutableArray.Create(
            new ColumnPlan(0, "id", "INTEGER", ColumnTreatment.PassThrough, null, 1.0, false),
            new ColumnPlan(1, "email", "TEXT", ColumnTreatment.WholeCell, "EMAIL_ADDRESS", 1.0, true),
            new ColumnPlan(2, "notes", "TEXT", ColumnTreatment.FreeText, null, 0.5, false));
        var data = Enumerable.Range(0, rows).Select(i => new TableRow(i + 1, [
            CellValue.FromInteger(i + 1),
            CellValue.FromText($"user{i}@example.org"),
            CellValue.FromText($"Call customer {i} about the order before Friday."),
        ]));
        return new TableBatch("bench", "users", 0, plans, [.. data], TablesEngineSpec.Create(null, null, "input.db"));
    }
}
