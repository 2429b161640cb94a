using PiiOrleans.Grains.Interfaces.Jobs;

namespace PiiOrleans.Grains.Jobs;

/// <summary>
/// Every silo of a pool reads job inputs and writes outputs at the same paths, on a shared volume. Work that lands on
/// a silo which cannot see them fails with a message saying so, instead of a file-not-found deep in a pipeline.
/// </summary>
internal static class SharedVolume
{
    /// <summary>Throws <see cref="JobParameterException"/> when <paramref name="path"/> (a file or a folder) is not visible here.</summary>
    public static void RequireVisible(string path, string what, string silo)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new JobParameterException(
                $"Silo {silo} cannot see the job's {what} {path}. Every silo of a pool must see job inputs and outputs at the same " +
                "paths: mount the shared volume at the same place on each silo (deploy/compose.pool.yaml, deploy/k8s).");
        }
    }
}
