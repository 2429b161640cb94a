using Microsoft.Extensions.DependencyInjection;
using Orleans;
using PiiOrleans.Grains.Jobs;
using PiiOrleans.Grains.Security;
using PiiOrleans.Grains.Tables;
using PiiOrleans.Tables;
using PiiOrleans.Tests.Hosting;

namespace PiiOrleans.Tests.Tables;

/// <summary>Runs tables jobs through real Orleans grains (TableGrain, BatchGrain, PseudonymGrain, ReportGrain) in a test silo.</summary>
internal static class TablesCluster
{
    public static async Task<(TablesJobResult Result, RecordingJobContext Context)> RunAsync(TablesJobParameters parameters,
        ITablesEngineFactory? engines = null, string jobId = "job-1")
    {
        await using var cluster = await TestCluster.StartAsync(
            services =>
            {
                services.AddSingleton(JobDataRoots.Unrestricted);
                services.AddTablesPipeline();
                if (engines is not null)
                {
                    services.AddSingleton(engines);
                }
            });
        var spec = TablesEngineSpec.FromFile(parameters.ConfigPath, Path.GetFullPath(parameters.Input));
        var setup = cluster.Services.GetRequiredService<TablesEngineCache>().Get(spec);
        var context = new RecordingJobContext(jobId, cluster.GrainFactory);
        var result = await new TablesJob(context, parameters, setup, spec).RunAsync(CancellationToken.None);
        return (result, context);
    }

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Tables", name);

    public static void CreateVanaDatabase(string path) => TestDatabase.Execute(path, File.ReadAllText(Fixture("vana-dummy-data.sql")));
}
