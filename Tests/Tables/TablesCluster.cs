using Microsoft.Extensions.DependencyInjection;
using PiiOrleans.Grains.Jobs;
using PiiOrleans.Grains.Tables;
using PiiOrleans.Runtime;
using PiiOrleans.Runtime.Testing;

namespace PiiOrleans.Tests.Tables;

/// <summary>Runs tables jobs through the real grain runtime (TableGrain, BatchGrain, ReportGrain) in a test cluster.</summary>
internal static class TablesCluster
{
    public static async Task<(TablesJobResult Result, RecordingJobContext Context)> RunAsync(TablesJobParameters parameters,
        ITablesEngineFactory? engines = null, string jobId = "job-1")
    {
        await using var cluster = await TestCluster.StartAsync(
            services =>
            {
                services.AddTablesPipeline();
                if (engines is not null)
                {
                    services.AddSingleton(engines);
                }
            },
            options => options.CallTimeout = TimeSpan.FromSeconds(30));
        var setup = cluster.Services.GetRequiredService<ITablesEngineFactory>().Create(parameters.ConfigPath);
        var registry = cluster.Services.GetRequiredService<TablesEngineRegistry>();
        registry.Register(jobId, setup.Anonymizer);
        var context = new RecordingJobContext(jobId, cluster.GrainFactory);
        var result = await new TablesJob(context, parameters, setup).RunAsync(CancellationToken.None);
        registry.Unregister(jobId);
        return (result, context);
    }

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Tables", name);

    public static void CreateVanaDatabase(string path) => TestDatabase.Execute(path, File.ReadAllText(Fixture("vana-dummy-data.sql")));
}
