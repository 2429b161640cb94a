using PiiOrleans.Grains.Interfaces.Jobs;
using PiiOrleans.Grains.Interfaces.Tables;
using PiiOrleans.Tables;
using PiiOrleans.Tests.Hosting;

namespace PiiOrleans.Tests.Grains;

/// <summary>Work that lands on a silo which cannot see the job's files fails with a message naming the shared volume.</summary>
public sealed class SharedVolumeTests
{
    [Fact]
    public async Task A_table_grain_on_a_silo_without_the_input_says_that_every_silo_needs_the_shared_volume()
    {
        await using var cluster = await MultiSiloCluster.StartAsync(1);
        var missing = Path.Combine(Path.GetTempPath(), "not-mounted-" + Guid.NewGuid().ToString("N"), "query_results.db");
        var work = new TableWork("job", "t", missing, missing + ".out", 100, 2, 1000, int.MaxValue, TablesEngineSpec.Create(null, null, missing));

        var error = await Assert.ThrowsAsync<JobParameterException>(() => cluster.Client.GetGrain<ITableGrain>("job/t").Open(work));

        Assert.Contains("cannot see the job's input", error.Message);
        Assert.Contains("same paths", error.Message);
    }
}
