using PiiOrleans.Grains.Interfaces.Jobs;
using PiiOrleans.Tests.Silo.TestJobs;

namespace PiiOrleans.Tests.EndToEnd;

/// <summary>Without <c>--silo</c> the client starts a silo in-process and runs the job end to end over HTTP.</summary>
public sealed class EmbeddedSiloEndToEndTests
{
    [Fact]
    public async Task Embedded_mode_runs_a_job_to_its_result()
    {
        var run = await ClientRun.RunAsync(["jobs", "submit", "--type", QuestionJobRunner.TypeName, "--answer", "color=red"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("started test-question", run.Output);
        Assert.Contains("completed (exit code 0)", run.Output);
        Assert.Contains("\"answer\": \"red\"", run.Output);
        Assert.Equal(string.Empty, run.Error); // the embedded silo logs only warnings
    }

    [Fact]
    public async Task Embedded_mode_without_answers_exits_5_and_lists_the_question()
    {
        var run = await ClientRun.RunAsync(["jobs", "submit", "--type", QuestionJobRunner.TypeName]);

        Assert.Equal(JobExitCodes.Unanswered, run.ExitCode);
        Assert.Contains("question color (test)", run.Output);
    }

    [Fact]
    public async Task An_unreachable_silo_exits_2_with_what_to_do()
    {
        var run = await ClientRun.RunAsync(["--silo", "http://127.0.0.1:9/", "jobs", "list"]);

        Assert.Equal(JobExitCodes.Unavailable, run.ExitCode);
        Assert.Contains("piiorleans serve", run.Error);
    }

    [Fact]
    public async Task A_silo_option_that_is_not_a_url_exits_1()
    {
        var run = await ClientRun.RunAsync(["--silo", "not a url", "jobs", "list"]);

        Assert.Equal(JobExitCodes.InvalidParameters, run.ExitCode);
    }
}
