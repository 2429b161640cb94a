using Microsoft.Extensions.Hosting;
using PiiOrleans.Runtime.Internal;

namespace PiiOrleans.Runtime.Hosting;

/// <summary>The silo life cycle: validates the grain registrations and starts the idle collector; on stop, deactivates every activation.</summary>
internal sealed class GrainRuntimeHostedService(GrainRuntime runtime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        runtime.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => runtime.StopAsync(cancellationToken);
}
