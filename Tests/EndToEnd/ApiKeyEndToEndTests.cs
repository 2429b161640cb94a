using PiiOrleans.Client;
using PiiOrleans.Tests.Silo.TestJobs;

namespace PiiOrleans.Tests.EndToEnd;

/// <summary>A silo that requires an API key: the console sends the one in PIIORLEANS_API_KEY, and is refused without it.</summary>
public sealed class ApiKeyEndToEndTests
{
    [Fact]
    public async Task The_client_sends_the_key_from_its_environment_and_is_refused_without_it()
    {
        await using var cluster = await TestSilo.StartAsync("--Silo:ApiKey=test-key-0123456789");
        var silo = cluster.GatewayAddress!.ToString();

        var refused = await ClientRun.RunAsync(["--silo", silo, "jobs", "types"]);
        Environment.SetEnvironmentVariable(ClientEnvironment.ApiKeyVariable, "test-key-0123456789");
        ClientRun accepted;
        try
        {
            accepted = await ClientRun.RunAsync(["--silo", silo, "jobs", "types"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable(ClientEnvironment.ApiKeyVariable, null);
        }

        Assert.NotEqual(0, refused.ExitCode);
        Assert.True(accepted.ExitCode == 0, accepted.Error);
        Assert.Contains(WaitingJobRunner.TypeName, accepted.Output);
    }
}
