using Microsoft.Extensions.DependencyInjection;
using PiiOrleans.Grains.Security;
using PiiOrleans.Grains.Tables;
using PiiOrleans.Pii.Anonymization;
using PiiOrleans.Tables;
using PiiOrleans.Tests.Hosting;

namespace PiiOrleans.Tests.Tables;

/// <summary>
/// One real silo shared by the tests that run tables jobs with a stand-in engine (a silo start costs about a second).
/// Each run takes the silo for itself (runs are serialized) and sets the engine its factory hands out; job ids are fresh.
/// </summary>
internal static class SharedTablesSilo
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly SwitchableEngineFactory Factory = new();
    private static readonly Lazy<Task<TestCluster>> Cluster = new(() => TestCluster.StartAsync(services =>
    {
        services.AddSingleton(JobDataRoots.Unrestricted);
        services.AddTablesPipeline();
        services.AddSingleton<ITablesEngineFactory>(Factory);
    }));

    /// <summary>Runs <paramref name="run"/> with the silo's grain factory while the silo's engines are <paramref name="engine"/>.</summary>
    public static async Task<T> RunAsync<T>(ITableCellAnonymizer engine, Func<IGrainFactory, Task<T>> run)
    {
        var cluster = await Cluster.Value;
        await Gate.WaitAsync();
        try
        {
            Factory.Engine = engine;
            return await run(cluster.GrainFactory);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>A fresh job id (grain keys must not meet a previous run's).</summary>
    public static string NewJobId() => "job-" + Guid.NewGuid().ToString("N")[..12];

    private sealed class SwitchableEngineFactory : ITablesEngineFactory
    {
        public ITableCellAnonymizer Engine { get; set; } = new FakeCellAnonymizer();

        public TablesEngineSetup Create(TablesEngineSpec spec, IPseudonymStore? pseudonymStore = null) =>
            new(Engine, true, 1000, true, 4, ["EMAIL_ADDRESS"], "none", ["en"]);
    }
}
