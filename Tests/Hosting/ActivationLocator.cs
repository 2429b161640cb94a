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

    public static async Task<SiloAddress> FindAsync(IGrainFactory grains, IAddressable grain) =>
        await FindAsync(grains, grain, () => Task.FromResult(false)) ?? throw new InvalidOperationException("unreachable");

    /// <summary>As <see cref="FindAsync(IGrainFactory, IAddressable)"/>, but null as soon as <paramref name="gone"/> says the grain's work is over.</summary>
    public static async Task<SiloAddress?> FindAsync(IGrainFactory grains, IAddressable grain, Func<Task<bool>> gone)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var address = await SiloLossRetry.RunAsync(() => grains.GetGrain<IManagementGrain>(0).GetActivationAddress(grain).AsTask());
            if (address is not null)
            {
                return address;
            }

            if (await gone())
            {
                return null;
            }

            if (clock.Elapsed > LookFor)
            {
                throw new InvalidOperationException($"the grain {grain.GetGrainId()} is not active (no directory entry for {LookFor.TotalSeconds:F0} s)");
            }

            await Task.Delay(100);
        }
    }
}
