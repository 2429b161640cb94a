using Microsoft.AspNetCore.Http;
using Orleans.Runtime;
using PiiOrleans.Grains.Jobs;

namespace PiiOrleans.Silo.Gateway;

/// <summary>
/// <c>GET /health</c>: this silo's view of the cluster from its membership snapshot (no grain call, so it answers even
/// when the cluster is busy). 200 while this silo is an active member, 503 otherwise (joining, shutting down, declared
/// dead), which is what a load balancer's or Kubernetes' readiness probe needs. Addresses only, no job data.
/// </summary>
internal static class ClusterHealth
{
    public static IResult Report(JobTypeCatalog catalog, IClusterMembershipService membership, ILocalSiloDetails local)
    {
        var snapshot = membership.CurrentSnapshot;
        var self = snapshot.GetSiloStatus(local.SiloAddress);
        var members = snapshot.Members.Values
            .Where(m => m.Status is SiloStatus.Active or SiloStatus.Joining or SiloStatus.ShuttingDown or SiloStatus.Stopping)
            .OrderBy(m => m.SiloAddress.ToString(), StringComparer.Ordinal)
            .Select(m => new { address = m.SiloAddress.ToString(), name = m.Name, status = m.Status.ToString() })
            .ToArray();
        var body = new
        {
            status = self == SiloStatus.Active ? "healthy" : "unavailable",
            silo = local.SiloAddress.ToString(),
            siloStatus = self.ToString(),
            clusterId = local.ClusterId,
            activeSilos = members.Count(m => m.status == nameof(SiloStatus.Active)),
            members,
            jobTypes = catalog.All.Count,
        };
        return self == SiloStatus.Active ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
