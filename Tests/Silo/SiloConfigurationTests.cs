using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PiiOrleans.Grains.Jobs;
using PiiOrleans.Silo.Hosting;

namespace PiiOrleans.Tests.Silo;

public sealed class SiloConfigurationTests
{
    [Fact]
    public async Task Appsettings_gives_the_defaults_and_the_command_line_overrides_them()
    {
        await using var defaults = SiloHost.Create(new SiloHostSettings());
        await using var overridden = SiloHost.Create(new SiloHostSettings { Args = ["--port", "6001", "--Jobs:EventLogCapacity=5"] });

        Assert.Equal(5080, defaults.Services.GetRequiredService<IOptions<SiloOptions>>().Value.Port);
        Assert.Equal(6001, overridden.Services.GetRequiredService<IOptions<SiloOptions>>().Value.Port);
        Assert.Equal(5, overridden.Services.GetRequiredService<IOptions<JobOptions>>().Value.EventLogCapacity);
    }

    [Theory]
    [InlineData(new[] { "--port", "70000" }, "Silo:Port")]
    [InlineData(new[] { "--port", "many" }, "Silo:Port")]
    [InlineData(new[] { "--log-format", "xml" }, "Silo:LogFormat")]
    [InlineData(new[] { "--host", "not-an-address" }, "Silo:Host")]
    [InlineData(new[] { "--cluster", "http://127.0.0.1:6379" }, "Silo:Cluster")]
    [InlineData(new[] { "--silo-port", "0" }, "Silo:SiloPort")]
    [InlineData(new[] { "--Silo:Kubernetes=true" }, "Silo:Cluster")]
    public void Bad_settings_stop_the_silo_with_a_message_naming_the_key(string[] args, string key)
    {
        var error = Assert.Throws<SiloConfigurationException>(() => SiloHost.CreateBuilder(new SiloHostSettings { Args = args }));

        Assert.Contains(key, error.Message);
    }

    [Fact]
    public async Task Serve_exits_1_for_bad_settings_and_2_when_the_port_is_taken()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var error = new StringWriter();

        Assert.Equal(1, await SiloServer.RunAsync(["--log-format", "xml"], error));
        Assert.Equal(2, await SiloServer.RunAsync(["--port", port.ToString(), "--Logging:LogLevel:Default=Warning"], error));
        Assert.Contains("--port", error.ToString());
    }

    [Fact]
    public async Task The_dashboard_is_off_by_default_and_served_under_dashboard_when_enabled()
    {
        await using var off = await PiiOrleans.Tests.Hosting.TestCluster.StartAsync(() => SiloHost.Create(new SiloHostSettings
        {
            Args = ["--port", "0", "--silo-port", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--gateway-port", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture), "--Logging:LogLevel:Default=Warning"],
        }));
        await using var on = await PiiOrleans.Tests.Hosting.TestCluster.StartAsync(() => SiloHost.Create(new SiloHostSettings
        {
            Args = ["--port", "0", "--dashboard", "true", "--silo-port", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--gateway-port", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture), "--Logging:LogLevel:Default=Warning"],
        }));
        using var http = new HttpClient();

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri(off.GatewayAddress!, "dashboard/"))).StatusCode);
        var served = await http.GetAsync(new Uri(on.GatewayAddress!, "dashboard/"));
        Assert.True(served.IsSuccessStatusCode, $"dashboard answered {(int)served.StatusCode}");
    }
}
