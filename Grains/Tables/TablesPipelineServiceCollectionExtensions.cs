using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PiiOrleans.Grains.Jobs;
using PiiOrleans.Grains.Security;
using PiiOrleans.Tables;

namespace PiiOrleans.Grains.Tables;

/// <summary>Registers the tables pipeline: the silo's engine cache and the "tables" job type (grain classes come from this assembly).</summary>
public static class TablesPipelineServiceCollectionExtensions
{
    /// <summary>
    /// Adds the tables pipeline. An <see cref="ITablesEngineFactory"/> must be registered too.
    /// </summary>
    public static IServiceCollection AddTablesPipeline(this IServiceCollection services)
    {
        // Fail closed: a host that does not say which folders jobs may use gets none.
        services.TryAddSingleton(JobDataRoots.None);
        services.TryAddSingleton<TablesEngineCache>();
        services.TryAddTransient<TablesJobRunner>();
        services.TryAddSingleton<ITablesEngineFactory, PiiTablesEngineFactory>();
        services.AddSingleton(new JobTypeRegistration(TablesJobRunner.JobType, typeof(TablesJobRunner),
            "Anonymizes every table of a SQLite database into OUTDIR/query_results.db with anonymization_report.json."));
        return services;
    }
}
