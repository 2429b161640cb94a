using System.CommandLine;
using System.Globalization;
using Orleans;
using Orleans.Runtime;
using PiiOrleans.Grains.Interfaces.Jobs;

namespace PiiOrleans.Client.Commands;

/// <summary><c>piiorleans pool status</c>: the cluster's silos (address, status, activations, load), from Orleans' management grain.</summary>
public static class PoolCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(ClientEnvironment environment)
    {
        var status = new Command("status", "List the cluster's silos: address, status, activations, CPU and memory.");
        status.SetAction((parseResult, cancellationToken) => environment.GuardAsync(
            async () =>
            {
                await using var session = await environment.ConnectAsync(parseResult, cancellationToken);
                var grains = session.Grains
                    ?? throw new ClientUsageException("pool status needs an Orleans connection: use --cluster or --gateway (not --silo).");
                var management = grains.GetGrain<IManagementGrain>(0);
                var hosts = await management.GetDetailedHosts(onlyActive: false);
                var active = hosts.Where(h => h.Status == SiloStatus.Active).Select(h => h.SiloAddress).ToArray();
                var statistics = active.Length == 0 ? [] : await management.GetRuntimeStatistics(active);
                var byAddress = active.Zip(statistics).ToDictionary(p => p.First, p => p.Second);
                await environment.Output.WriteLineAsync($"{"SILO",-28} {"STATUS",-10} {"ACTIVATIONS",11} {"CPU %",6} {"MEMORY MB",9}  NAME");
                foreach (var host in hosts.OrderBy(h => h.SiloAddress.ToString(), StringComparer.Ordinal))
                {
                    var line = byAddress.TryGetValue(host.SiloAddress, out var s)
                        ? string.Create(CultureInfo.InvariantCulture,
                            $"{host.SiloAddress,-28} {host.Status,-10} {s.ActivationCount,11} {s.EnvironmentStatistics.FilteredCpuUsagePercentage,6:F0} {s.EnvironmentStatistics.FilteredMemoryUsageBytes / 1048576.0,9:F0}  {host.SiloName}")
                        : $"{host.SiloAddress,-28} {host.Status,-10} {"-",11} {"-",6} {"-",9}  {host.SiloName}";
                    await environment.Output.WriteLineAsync(line);
                }

                return JobExitCodes.Success;
            },
            cancellationToken));
        return new Command("pool", "The cluster of silos (use with --cluster or --gateway).") { status };
    }
}
