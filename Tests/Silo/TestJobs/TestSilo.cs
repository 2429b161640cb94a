using PiiOrleans.Silo.Hosting;
using PiiOrleans.Tests.Hosting;

namespace PiiOrleans.Tests.Silo.TestJobs;

/// <summary>Starts the real silo host (gateway on 127.0.0.1, port 0) with the test job types, in a TestCluster.</summary>
public static class TestSilo
{
    public static Task<TestCluster> StartAsync(params string[] extraArgs) =>
        TestCluster.StartAsync(() => SiloHost.Create(new SiloHostSettings
        {
            Args = ["--port", "0", "--Logging:LogLevel:Default=Warning", .. extraArgs],
            ConfigureServices = TestJobTypes.Register,
        }));
}
