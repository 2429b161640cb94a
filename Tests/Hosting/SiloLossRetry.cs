using System.Diagnostics;
using PiiOrleans.Grains.Jobs;

namespace PiiOrleans.Tests.Hosting;

/// <summary>
/// Calls from a test's own client after a silo was killed: the client may still try that silo's gateway, so a call that
/// fails with a silo loss is retried (each try limited to 5 s, for a minute), as the console retries its calls.
/// </summary>
internal static class SiloLossRetry
{
    public static async Task<T> RunAsync<T>(Func<Task<T>> call)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await call().WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception e) when (SiloLoss.IsSiloLoss(e) && clock.Elapsed < TimeSpan.FromMinutes(1))
            {
                await Task.Delay(200);
            }
        }
    }
}
