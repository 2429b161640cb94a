using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PiiOrleans.Grains.Interfaces.Jobs;
using PiiOrleans.Tests.Silo.TestJobs;

namespace PiiOrleans.Tests.Silo;

/// <summary>Jobs through the real gateway: submit, server-sent events (with resume), answers, failures, cancel, list.</summary>
public sealed class GatewayJobFlowTests(SiloFixture silo) : IClassFixture<SiloFixture>
{
    private sealed record SseMessage(string Id, string Event, JsonElement Data);

    [Fact]
    public async Task A_job_streams_its_events_takes_an_answer_and_completes()
    {
        using var response = await silo.Http.PostAsJsonAsync("jobs", new { type = QuestionJobRunner.TypeName, parameters = new { items = 30 } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var submitted = (await response.Content.ReadFromJsonAsync<JobSubmitted>(JobJson.Options))!;
        Assert.Equal($"/jobs/{submitted.Id}", response.Headers.Location?.OriginalString);

        var waiting = await silo.WaitForAsync(submitted.Id, s => s.State == JobState.WaitingForAnswers);
        Assert.Equal("color", Assert.Single(waiting.OpenQuestions).Key);
        var raw = await silo.Http.GetStringAsync($"jobs/{submitted.Id}");
        Assert.Contains("\"state\":\"waitingForAnswers\"", raw);

        using var answer = await silo.Http.PostAsJsonAsync($"jobs/{submitted.Id}/answers", new[] { new { key = "color", value = "BLUE" } });
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);

        var events = await ReadEventsAsync($"jobs/{submitted.Id}/events");
        Assert.Equal(
            ["started", "progress", "progress", "progress", "question", "log", "completed"],
            events.Select(e => e.Event).ToArray());
        Assert.Equal(events.Select(e => long.Parse(e.Id)).Order(), events.Select(e => long.Parse(e.Id)));
        Assert.Equal("test:items", events[3].Data.GetProperty("data").GetProperty("scope").GetString());
        Assert.Equal(30, events[3].Data.GetProperty("data").GetProperty("done").GetInt64());

        var status = await silo.GetStatusAsync(submitted.Id);
        Assert.Equal(JobState.Succeeded, status.State);
        Assert.Equal(0, status.ExitCode);
        Assert.Equal("blue", status.Result!.Value.GetProperty("answer").GetString()); // matched to the choice's spelling
        Assert.Equal(3, status.Counters["steps"]);
        Assert.Equal(30, status.Counters["test:items"]);
        Assert.Empty(status.OpenQuestions);
    }

    [Fact]
    public async Task Event_streams_resume_after_a_sequence_and_end_after_the_final_event()
    {
        var id = await silo.SubmitAsync(FailingJobRunner.TypeName, new { mode = "ok" });
        await silo.WaitForAsync(id, s => s.IsFinished);

        var all = await ReadEventsAsync($"jobs/{id}/events");
        Assert.Equal(["started", "completed"], all.Select(e => e.Event).ToArray());

        var afterFirst = await ReadEventsAsync($"jobs/{id}/events?after={all[0].Id}");
        Assert.Equal([all[1].Id], afterFirst.Select(e => e.Id).ToArray());

        var byHeader = await ReadEventsAsync($"jobs/{id}/events", lastEventId: all[0].Id);
        Assert.Equal([all[1].Id], byHeader.Select(e => e.Id).ToArray());

        Assert.Empty(await ReadEventsAsync($"jobs/{id}/events?after={all[1].Id}"));
    }

    [Fact]
    public async Task A_parameter_error_fails_the_job_with_exit_code_1_and_its_message()
    {
        var id = await silo.SubmitAsync(FailingJobRunner.TypeName, new { mode = "parameters" });

        var status = await silo.WaitForAsync(id, s => s.IsFinished);

        Assert.Equal(JobState.Failed, status.State);
        Assert.Equal(JobExitCodes.InvalidParameters, status.ExitCode);
        Assert.Contains("Parameter 'input' is required", status.Error);
    }

    [Fact]
    public async Task An_unexpected_exception_fails_the_job_without_its_message()
    {
        var id = await silo.SubmitAsync(FailingJobRunner.TypeName, new { mode = "crash" });

        var status = await silo.WaitForAsync(id, s => s.IsFinished);
        var events = await ReadEventsAsync($"jobs/{id}/events");

        Assert.Equal(JobState.Failed, status.State);
        Assert.Equal(JobExitCodes.Failed, status.ExitCode);
        Assert.Contains(nameof(InvalidOperationException), status.Error);
        Assert.DoesNotContain(FailingJobRunner.SecretInMessage, status.Error);
        Assert.All(events, e => Assert.DoesNotContain(FailingJobRunner.SecretInMessage, e.Data.GetRawText()));
        Assert.Equal("failed", events[^1].Event);
    }

    [Theory]
    [InlineData("exit", 12)]
    [InlineData("failed", 13)]
    public async Task A_job_can_fail_with_its_own_exit_code(string mode, int exitCode)
    {
        var id = await silo.SubmitAsync(FailingJobRunner.TypeName, new { mode });

        var status = await silo.WaitForAsync(id, s => s.IsFinished);

        Assert.Equal(JobState.Failed, status.State);
        Assert.Equal(exitCode, status.ExitCode);
    }

    [Fact]
    public async Task Cancel_ends_a_running_job_as_cancelled()
    {
        var id = await silo.SubmitAsync(WaitingJobRunner.TypeName);
        await silo.WaitForAsync(id, s => s.Counters.ContainsKey("test:waiting"));

        using var cancel = await silo.Http.PostAsync($"jobs/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);

        var status = await silo.WaitForAsync(id, s => s.IsFinished);
        Assert.Equal(JobState.Cancelled, status.State);
        Assert.Equal(JobExitCodes.Cancelled, status.ExitCode);
        Assert.Equal("cancelled", (await ReadEventsAsync($"jobs/{id}/events"))[^1].Event);
    }

    [Fact]
    public async Task The_job_list_shows_submitted_jobs_newest_first()
    {
        var first = await silo.SubmitAsync(FailingJobRunner.TypeName, new { mode = "ok" });
        var second = await silo.SubmitAsync(FailingJobRunner.TypeName, new { mode = "ok" });

        var jobs = (await silo.Http.GetFromJsonAsync<JobStatus[]>("jobs", JobJson.Options))!;
        var ids = jobs.Select(j => j.JobId).ToList();

        Assert.True(ids.IndexOf(second) < ids.IndexOf(first) && ids.IndexOf(second) >= 0);
        Assert.Single((await silo.Http.GetFromJsonAsync<JobStatus[]>("jobs?max=1", JobJson.Options))!);
    }

    private async Task<List<SseMessage>> ReadEventsAsync(string path, string? lastEventId = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        using var response = await silo.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        var messages = new List<SseMessage>();
        string? id = null, name = null, data = null;
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Length == 0)
            {
                if (data is not null)
                {
                    messages.Add(new SseMessage(id!, name!, JsonDocument.Parse(data).RootElement.Clone()));
                }

                id = name = data = null;
            }
            else if (line.StartsWith("id: "))
            {
                id = line[4..];
            }
            else if (line.StartsWith("event: "))
            {
                name = line[7..];
            }
            else if (line.StartsWith("data: "))
            {
                data = line[6..];
            }
        }

        return messages;
    }
}
