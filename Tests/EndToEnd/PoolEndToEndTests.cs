using Microsoft.AspNetCore.Builder;
using PiiOrleans.Silo.Hosting;
using PiiOrleans.Tests.Hosting;
using PiiOrleans.Tests.Silo.TestJobs;
using PiiOrleans.Tests.Tables;

namespace PiiOrleans.Tests.EndToEnd;

/// <summary>
/// A pool: two silos joined through a real redis-server (membership and job state in Redis) and the console as an
/// Orleans client of the pool (<c>--cluster</c>). A finished job's status is still answered after the silo that ran it
/// stopped, because its state lives in Redis.
/// </summary>
public sealed class PoolEndToEndTests : IDisposable
{
    private readonly TestDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Two_silos_on_redis_run_a_job_for_a_cluster_client_and_keep_its_state_after_a_silo_stops()
    {
        using var redis = await RedisServer.StartAsync();
        var clusterId = "test-" + Guid.NewGuid().ToString("N")[..8];
        var dataRoot = Path.GetDirectoryName(_db.InputPath)!;
        var first = await StartMemberAsync(redis, clusterId, dataRoot);
        var second = await StartMemberAsync(redis, clusterId, dataRoot);
        try
        {
            // Each member's /health reports the cluster as it sees it.
            using (var http = new HttpClient { BaseAddress = SiloHost.GetGatewayAddress(first.Services) })
            {
                var deadline = DateTime.UtcNow.AddSeconds(30);
                var health = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("/health")).RootElement;
                while (health.GetProperty("activeSilos").GetInt32() < 2 && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(200);
                    health = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("/health")).RootElement;
                }

                Assert.Equal("healthy", health.GetProperty("status").GetString());
                Assert.Equal(clusterId, health.GetProperty("clusterId").GetString());
                Assert.Equal(2, health.GetProperty("activeSilos").GetInt32());
            }

            TablesCluster.CreateVanaDatabase(_db.InputPath);
            var config = Path.Combine(dataRoot, "config.json");
            File.Copy(TablesCluster.Fixture("vana-presidio-config.json"), config);
            var run = await ClientRun.RunAsync(["--cluster", redis.Url, "--cluster-id", clusterId, "--plain",
                "tables", "-i", _db.InputPath, "-o", _db.OutputDirectory, "-c", config]);
            Assert.True(run.ExitCode == 0, run.Error);
            Assert.True(File.Exists(_db.OutputPath));

            var pool = await ClientRun.RunAsync(["--cluster", redis.Url, "--cluster-id", clusterId, "pool", "status"]);
            Assert.True(pool.ExitCode == 0, pool.Error);
            Assert.Equal(2, pool.Output.Split('\n').Count(l => l.Contains(" Active ", StringComparison.Ordinal)));

            var list = await ClientRun.RunAsync(["--cluster", redis.Url, "--cluster-id", clusterId, "jobs", "list"]);
            Assert.Equal(0, list.ExitCode);
            Assert.True(list.Output.Split('\n').Length > 2, list.Output + list.Error);
            var jobId = list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0])
                .First(id => id.Length == 22 && id[8] == '-');

            // Stop both members one after the other, with a new one joining: the job's state comes back from Redis.
            await first.StopAsync();
            await first.DisposeAsync();
            first = await StartMemberAsync(redis, clusterId, dataRoot);
            await second.StopAsync();
            await second.DisposeAsync();
            second = null!;

            var status = await ClientRun.RunAsync(["--cluster", redis.Url, "--cluster-id", clusterId, "jobs", "status", jobId]);
            Assert.True(status.ExitCode == 0, status.Error);
            Assert.Contains("\"state\": \"succeeded\"", status.Output);
        }
        finally
        {
            foreach (var member in new[] { first, second })
            {
                if (member is not null)
                {
                    await member.DisposeAsync();
                }
            }
        }
    }

    [Fact]
    public async Task A_malformed_cluster_address_is_a_usage_error()
    {
        var run = await ClientRun.RunAsync(["--cluster", "http://nowhere", "jobs", "list"]);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("redis://HOST:PORT", run.Error);
    }

    private static async Task<WebApplication> StartMemberAsync(RedisServer redis, string clusterId, string dataRoot)
    {
        var app = SiloHost.Create(new SiloHostSettings
        {
            Args = ["--port", "0", "--cluster", redis.Url, "--cluster-id", clusterId, "--advertise", "127.0.0.1", "--data-root", dataRoot,
                "--silo-port", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--gateway-port", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--Logging:LogLevel:Default=Warning"],
            ConfigureServices = TestJobTypes.Register,
        });
        await app.StartAsync();
        return app;
    }
}
