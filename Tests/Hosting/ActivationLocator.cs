using System.Diagnostics;
using Orleans.Runtime;

namespace PiiOrleans.Tests.Hosting;

/// <summary>
/// Where a grain's activation lives, for a test that kills its silo. Right after silos join or leave, the directory
/// partition that owns the grain may not have its entry yet (the lookup answers none while the range is handed over),
/// so the lookup is repeated for a while before the grain counts as not active.
/// </summary>
internal static class ActivationLocator
{
    private static readonly TimeSpan LookFor = TimeSpan.FromSeconds(15);

    public static async Task<SiloAddress> FindAsync(IGrainFactory grains, IAddressable grain)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var address = await SiloLossRetry.RunAsync(() => grains.GetGrain<IManagementGrain>(0).GetActivationAddress(grain).AsTask());
            if (address is not null)
            {
                return address;
            }

            if (clock.Elapsed > LookFor)
            {
                throw new InvalidOperationException($"the grain {grain.GetGrainId()} is not active (no directory entry for {LookFor.TotalSeconds:F0} s)");
            }

            await Task.Delay(100);
        }
    }
}
