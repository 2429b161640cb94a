using Orleans.Hosting;
using Orleans.Serialization;
using Orleans.Storage;
using PiiOrleans.Grains.Jobs;

namespace PiiOrleans.Silo.Hosting;

/// <summary>
/// The pool's durable state on Redis: job, report and pseudonym-allocator state (grain storage) and the reminders that
/// resume a job whose silo died. Shared by the <c>serve --cluster</c> silo and the tests that kill silos.
/// </summary>
public static class PoolStorage
{
    /// <summary>Registers Redis grain storage (as the jobs store) and Redis reminders on <paramref name="silo"/>.</summary>
    public static ISiloBuilder AddPoolStorage(this ISiloBuilder silo, PoolCluster pool)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(pool);
        // Job state holds JsonElement payloads: stored with Orleans' own serializer (and our codecs), not as JSON text.
        silo.AddRedisGrainStorage(JobStorage.Name, options => options.Configure<Serializer>((o, serializer) =>
        {
            o.ConfigurationOptions = pool.RedisOptions();
            o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
        }));
        silo.UseRedisReminderService(o => o.ConfigurationOptions = pool.RedisOptions());
        return silo;
    }
}
