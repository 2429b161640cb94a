using System.Net.Http.Json;
using PiiOrleans.Grains.Interfaces.Jobs;
using PiiOrleans.Tests.Hosting;
using PiiOrleans.Tests.Silo.TestJobs;

namespace PiiOrleans.Tests.Silo;

/// <summary>One real silo (gateway over HTTP on a free port) shared by the tests of a class.</summary>
public sealed class SiloFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public Uri Address => Cluster.GatewayAddress!;

    public async Task InitializeAsync()
    {
        Cluster = await TestSilo.StartAsync();
        Http = new HttpClient { BaseAddress = Cluster.GatewayAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Cluster.DisposeAsync();
    }

    public async Task<string> SubmitAsync(string type, object? parameters = null)
    {
        using var response = await Http.PostAsJsonAsync("jobs", new { type, parameters = parameters ?? new { } });
        response.EnsureSuccessStatusCode();
        var submitted = await response.Content.ReadFromJsonAsync<JobSubmitted>(JobJson.Options);
        return submitted!.Id;
    }

    public async Task<JobStatus> GetStatusAsync(string id) =>
        (await Http.GetFromJsonAsync<JobStatus>($"jobs/{id}", JobJson.Options))!;

    public async Task<JobStatus> WaitForListAsync(Func<JobStatus, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var jobs = (await Http.GetFromJsonAsync<JobStatus[]>("jobs", JobJson.Options))!;
            if (jobs.FirstOrDefault(condition) is { } match)
            {
                return match;
            }

            Assert.True(DateTime.UtcNow < deadline, "no job in the list matched");
            await Task.Delay(20);
        }
    }

    public async Task<JobStatus> WaitForAsync(string id, Func<JobStatus, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var status = await GetStatusAsync(id);
            if (condition(status))
            {
                return status;
            }

            Assert.True(DateTime.UtcNow < deadline, $"job {id} stayed {status.State}");
            await Task.Delay(20);
        }
    }
}
