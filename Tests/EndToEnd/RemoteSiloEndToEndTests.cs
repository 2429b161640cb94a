using System.Text.Json;
using PiiOrleans.Grains.Interfaces.Jobs;
using PiiOrleans.Tests.Silo;
using PiiOrleans.Tests.Silo.TestJobs;

namespace PiiOrleans.Tests.EndToEnd;

/// <summary>The client command line against a running silo (<c>--silo URL</c>): submit over HTTP, watch, answer, result.</summary>
public sealed class RemoteSiloEndToEndTests(SiloFixture silo) : IClassFixture<SiloFixture>
{
    private string Silo => silo.Address.AbsoluteUri;

    [Fact]
    public async Task Submit_watch_answer_and_result()
    {
        var run = await ClientRun.RunAsync(
            ["--silo", Silo, "jobs", "submit", "--type", QuestionJobRunner.TypeName, "--params", "{\"items\": 6}", "--watch", "--answer", "color=blue"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("progress test:items 6/6 items", run.Output);
        Assert.Contains("question color (test): Which colour? [red|blue] (default: red)", run.Output);
        Assert.Contains("completed (exit code 0)", run.Output);
        var id = run.Output.Split('\n')[0].Trim();
        var status = await silo.GetStatusAsync(id);
        Assert.Equal(JobState.Succeeded, status.State);
        Assert.Equal("blue", status.Result!.Value.GetProperty("answer").GetString());
        Assert.Contains("\"answer\": \"blue\"", run.Output); // the result is printed at the end
    }

    [Fact]
    public async Task Without_a_terminal_an_unanswered_question_exits_5_and_can_be_answered_later()
    {
        var first = await ClientRun.RunAsync(["--silo", Silo, "jobs", "submit", "--type", QuestionJobRunner.TypeName, "--watch"]);

        Assert.Equal(JobExitCodes.Unanswered, first.ExitCode);
        Assert.Contains("waiting for 1 answer(s)", first.Output);
        Assert.Contains("question color", first.Output);
        var id = first.Output.Split('\n')[0].Trim();
        Assert.Equal(JobState.WaitingForAnswers, (await silo.GetStatusAsync(id)).State); // a remote job waits for its answer

        var answer = await ClientRun.RunAsync(["--silo", Silo, "jobs", "answer", id, "color=red"]);
        Assert.Equal(0, answer.ExitCode);
        var watch = await ClientRun.RunAsync(["--silo", Silo, "jobs", "watch", id]);
        Assert.Equal(0, watch.ExitCode);
        Assert.Contains("\"answer\": \"red\"", watch.Output);

        var statusRun = await ClientRun.RunAsync(["--silo", Silo, "jobs", "status", id]);
        Assert.Equal(0, statusRun.ExitCode);
        Assert.Equal("succeeded", JsonDocument.Parse(statusRun.Output).RootElement.GetProperty("state").GetString());
        var list = await ClientRun.RunAsync(["--silo", Silo, "jobs", "list"]);
        Assert.Contains(id, list.Output);
    }

    [Theory]
    [InlineData("parameters", 1)]
    [InlineData("crash", 3)]
    [InlineData("exit", 12)]
    [InlineData("failed", 13)]
    public async Task A_failed_job_gives_its_exit_code(string mode, int exitCode)
    {
        var run = await ClientRun.RunAsync(
            ["--silo", Silo, "jobs", "submit", "--type", FailingJobRunner.TypeName, "--params", $"{{\"mode\": \"{mode}\"}}", "--watch"]);

        Assert.Equal(exitCode, run.ExitCode);
        Assert.Contains("failed (exit code", run.Output);
        Assert.DoesNotContain(FailingJobRunner.SecretInMessage, run.Output);
    }

    [Fact]
    public async Task Cancelling_the_command_cancels_the_job()
    {
        using var cancellation = new CancellationTokenSource();
        var runTask = ClientRun.RunAsync(["--silo", Silo, "jobs", "submit", "--type", WaitingJobRunner.TypeName, "--watch"], cancellation.Token);
        var jobs = await silo.WaitForListAsync(j => j.Type == WaitingJobRunner.TypeName && j.State == JobState.Running);
        await cancellation.CancelAsync();

        var run = await runTask;

        Assert.Equal(JobExitCodes.Cancelled, run.ExitCode);
        // Cancellation is asynchronous: the runner winds down after the request was accepted.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var state = (await silo.GetStatusAsync(jobs.JobId)).State;
        while (state != JobState.Cancelled && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            state = (await silo.GetStatusAsync(jobs.JobId)).State;
        }

        Assert.Equal(JobState.Cancelled, state);
    }

    [Fact]
    public async Task Bad_input_exits_1_and_unknown_jobs_exit_2()
    {
        var unknownType = await ClientRun.RunAsync(["--silo", Silo, "jobs", "submit", "--type", "no-such-type"]);
        Assert.Equal(1, unknownType.ExitCode);
        Assert.Contains("Unknown job type", unknownType.Error);

        var badParams = await ClientRun.RunAsync(["--silo", Silo, "jobs", "submit", "--type", QuestionJobRunner.TypeName, "--params", "{\"items\": }"]);
        Assert.Equal(1, badParams.ExitCode);
        Assert.Contains("not valid JSON (line 1", badParams.Error);

        var missingFile = await ClientRun.RunAsync(["--silo", Silo, "jobs", "submit", "--type", QuestionJobRunner.TypeName, "--params", "/nonexistent/params.json"]);
        Assert.Equal(1, missingFile.ExitCode);
        Assert.Contains("Cannot read the parameters file", missingFile.Error);

        var noSuchJob = await ClientRun.RunAsync(["--silo", Silo, "jobs", "status", "20990101-000000-000000"]);
        Assert.Equal(2, noSuchJob.ExitCode);
        Assert.Contains("No job with id", noSuchJob.Error);

        var parseError = await ClientRun.RunAsync(["--silo", Silo, "jobs", "submit"]);
        Assert.Equal(1, parseError.ExitCode);
    }
}
