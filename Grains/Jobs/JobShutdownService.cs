using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace PiiOrleans.Grains.Jobs;

/// <summary>
/// When the silo stops, cancels the jobs still running and gives their runners a moment to stop, so no runner keeps
/// writing output while the process (or an embedded client) goes away.
/// </summary>
internal sealed class JobShutdownService(JobStore store, IOptions<JobOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => store.CancelRunningAsync(options.Value.ShutdownGracePeriod);
}
