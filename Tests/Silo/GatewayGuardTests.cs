using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using PiiOrleans.Grains.Interfaces.Jobs;
using PiiOrleans.Silo.Hosting;
using PiiOrleans.Tests.Silo.TestJobs;

namespace PiiOrleans.Tests.Silo;

/// <summary>Issue 16, cases 1 and 4: who may call the gateway, with what, and how much.</summary>
public sealed class GatewayGuardTests
{
    private const string Submission = """{"type": "tables", "parameters": {"input": "/etc/passwd", "output_dir": "/tmp/x"}}""";

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Issue16_case1_a_text_plain_body_a_foreign_origin_and_a_foreign_host_are_refused()
    {
        await using var cluster = await TestSilo.StartAsync();
        using var http = new HttpClient { BaseAddress = cluster.GatewayAddress };

        using var plain = await http.PostAsync("jobs", new StringContent(Submission, Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, plain.StatusCode);
        Assert.Contains("application/json", await plain.Content.ReadAsStringAsync());

        using var fromPage = new HttpRequestMessage(HttpMethod.Post, "jobs") { Content = Json(Submission) };
        fromPage.Headers.Add("Origin", "https://evil.example");
        using var origin = await http.SendAsync(fromPage);
        Assert.Equal(HttpStatusCode.Forbidden, origin.StatusCode);

        using var rebound = new HttpRequestMessage(HttpMethod.Get, "jobs");
        rebound.Headers.Host = "evil.example";
        using var host = await http.SendAsync(rebound);
        Assert.Equal(HttpStatusCode.MisdirectedRequest, host.StatusCode);
    }

    [Fact]
    public async Task Issue16_case1_a_served_silo_without_data_roots_accepts_no_job_paths()
    {
        await using var cluster = await TestSilo.StartAsync();
        using var http = new HttpClient { BaseAddress = cluster.GatewayAddress };
        using var response = await http.PostAsync("jobs", Json(Submission));
        var submitted = await response.Content.ReadFromJsonAsync<JobSubmitted>(JobJson.Options);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        JobStatus status;
        do
        {
            await Task.Delay(50);
            status = (await http.GetFromJsonAsync<JobStatus>($"jobs/{submitted!.Id}", JobJson.Options))!;
        }
        while (!status.IsFinished && DateTime.UtcNow < deadline);
        Assert.Equal(JobState.Failed, status.State);
        Assert.Contains("accepts no job paths", status.Error);
    }

    [Fact]
    public async Task Issue16_case1_the_api_key_is_required_on_job_endpoints_when_configured()
    {
        await using var cluster = await TestSilo.StartAsync("--Silo:ApiKey=s3cret");
        using var http = new HttpClient { BaseAddress = cluster.GatewayAddress };
        using (var anonymous = await http.GetAsync("jobs"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        using (var wrong = new HttpRequestMessage(HttpMethod.Get, "jobs"))
        {
            wrong.Headers.Add("X-Api-Key", "guess");
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(wrong)).StatusCode);
        }

        using (var header = new HttpRequestMessage(HttpMethod.Get, "jobs"))
        {
            header.Headers.Add("X-Api-Key", "s3cret");
            Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(header)).StatusCode);
        }

        using (var bearer = new HttpRequestMessage(HttpMethod.Get, "jobs"))
        {
            bearer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret");
            Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(bearer)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("health")).StatusCode);
    }

    [Theory]
    [InlineData("--host", "0.0.0.0")]
    [InlineData("--urls", "http://*:5099")]
    public void Issue16_case1_a_silo_listening_beyond_loopback_refuses_to_start_without_an_api_key(string name, string value)
    {
        var error = Assert.Throws<SiloConfigurationException>(() => SiloHost.CreateBuilder(new SiloHostSettings { Args = [name, value] }));
        Assert.Contains("Silo:ApiKey", error.Message);
    }

    [Fact]
    public void Issue16_case1_data_roots_repeat_on_the_command_line()
    {
        var a = Directory.CreateTempSubdirectory().FullName;
        var b = Directory.CreateTempSubdirectory().FullName;
        var args = SiloDataRootArguments.Expand(["--port", "0", "--data-root", a, $"--data-root={b}"]);
        Assert.Equal(["--port", "0", $"--Silo:DataRoots:0={a}", $"--Silo:DataRoots:1={b}"], args);
        Assert.Throws<SiloConfigurationException>(() => SiloDataRootArguments.Expand(["--data-root", "/no/such/root"]));
    }

    [Fact]
    public async Task Issue16_case4_a_body_over_the_limit_gets_a_413_with_a_message()
    {
        await using var cluster = await TestSilo.StartAsync("--Silo:MaxRequestBodyBytes=1000");
        using var http = new HttpClient { BaseAddress = cluster.GatewayAddress };
        var text = new string('a', 5000);
        using var response = await http.PostAsync("analyze", Json($$"""{"text": "{{text}}", "language": "en"}"""));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Silo:MaxRequestBodyBytes", await response.Content.ReadAsStringAsync());

    }
}
