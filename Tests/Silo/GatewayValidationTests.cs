using System.Net;
using System.Text;
using System.Text.Json;
using PiiOrleans.Grains.Interfaces.Jobs;
using PiiOrleans.Tests.Silo.TestJobs;

namespace PiiOrleans.Tests.Silo;

/// <summary>Bad requests to the gateway get 400/404/409 problem details with a useful message, never a 500.</summary>
public sealed class GatewayValidationTests(SiloFixture silo) : IClassFixture<SiloFixture>
{
    [Theory]
    [InlineData("{\"type\": ", "not valid JSON")]
    [InlineData("", "not valid JSON")]
    [InlineData("[1, 2]", "must be a JSON object")]
    [InlineData("{}", "no job \"type\"")]
    [InlineData("{\"type\": 42}", "no job \"type\"")]
    [InlineData("{\"type\": \"no-such-job\"}", "Unknown job type 'no-such-job'")]
    [InlineData("{\"type\": \"test-question\", \"parameters\": [1]}", "\"parameters\" must be a JSON object")]
    public async Task Submit_with_a_bad_body_is_400_with_a_message(string body, string expected)
    {
        var (status, problem) = await SendAsync(HttpMethod.Post, "jobs", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(expected, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Unknown_type_message_lists_the_known_types()
    {
        var (_, problem) = await SendAsync(HttpMethod.Post, "jobs", "{\"type\": \"nope\"}");

        Assert.Contains(QuestionJobRunner.TypeName, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Malformed_json_message_does_not_echo_the_body()
    {
        var (status, problem) = await SendAsync(HttpMethod.Post, "jobs", "{\"type\": \"x\", \"ssn\": 123-45-6789}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.DoesNotContain("6789", problem.GetRawText());
        Assert.Contains("line 1", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("GET", "jobs/20990101-000000-000000")]
    [InlineData("GET", "jobs/20990101-000000-000000/events")]
    [InlineData("POST", "jobs/20990101-000000-000000/cancel")]
    public async Task Unknown_job_is_404(string method, string path)
    {
        var (status, problem) = await SendAsync(new HttpMethod(method), path, null);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("No job with id", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Answers_to_an_unknown_job_are_404()
    {
        var (status, _) = await SendAsync(HttpMethod.Post, "jobs/20990101-000000-000000/answers", "[{\"key\":\"a\",\"value\":\"b\"}]");

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Theory]
    [InlineData("jobs/bad%20id")]
    [InlineData("jobs/bad%20id/events")]
    public async Task A_malformed_job_id_is_400(string path)
    {
        var (status, problem) = await SendAsync(HttpMethod.Get, path, null);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Job ids are", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("[{\"key\": \"color\"", "not valid JSON")]
    [InlineData("{\"color\": \"red\"}", "must be a JSON array")]
    [InlineData("[{\"key\": \"color\"}]", "Answer 1 needs")]
    [InlineData("[{\"key\": \"color\", \"value\": \"red\"}, {\"value\": 3}]", "Answer 2 needs")]
    public async Task Bad_answers_are_400(string body, string expected)
    {
        var id = await silo.SubmitAsync(WaitingJobRunner.TypeName);
        try
        {
            var (status, problem) = await SendAsync(HttpMethod.Post, $"jobs/{id}/answers", body);

            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Contains(expected, problem.GetProperty("detail").GetString());
        }
        finally
        {
            await silo.Http.PostAsync($"jobs/{id}/cancel", null);
        }
    }

    [Fact]
    public async Task An_answer_outside_the_choices_is_400_and_does_not_echo_the_value()
    {
        var id = await silo.SubmitAsync(QuestionJobRunner.TypeName);
        await silo.WaitForAsync(id, s => s.State == JobState.WaitingForAnswers);

        var (status, problem) = await SendAsync(HttpMethod.Post, $"jobs/{id}/answers", "[{\"key\": \"color\", \"value\": \"555-0100\"}]");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("red, blue", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("555-0100", problem.GetRawText());
        await silo.Http.PostAsync($"jobs/{id}/cancel", null);
    }

    [Fact]
    public async Task Answering_a_finished_job_is_409()
    {
        var id = await silo.SubmitAsync(FailingJobRunner.TypeName, new { mode = "ok" });
        await silo.WaitForAsync(id, s => s.IsFinished);

        var (status, _) = await SendAsync(HttpMethod.Post, $"jobs/{id}/answers", "[{\"key\": \"a\", \"value\": \"b\"}]");

        Assert.Equal(HttpStatusCode.Conflict, status);
    }

    [Theory]
    [InlineData("?after=abc")]
    [InlineData("?after=-1")]
    public async Task A_bad_event_position_is_400(string query)
    {
        var id = await silo.SubmitAsync(FailingJobRunner.TypeName, new { mode = "ok" });

        var (status, _) = await SendAsync(HttpMethod.Get, $"jobs/{id}/events{query}", null);

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    public async Task A_bad_list_size_is_400(string max)
    {
        var (status, _) = await SendAsync(HttpMethod.Get, $"jobs?max={max}", null);

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task Health_and_job_types_answer()
    {
        using var health = await silo.Http.GetAsync("health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);

        var types = JsonDocument.Parse(await silo.Http.GetStringAsync("jobtypes")).RootElement;
        Assert.Contains(types.EnumerateArray(), t => t.GetProperty("name").GetString() == QuestionJobRunner.TypeName);
        Assert.All(types.EnumerateArray(), t => Assert.False(string.IsNullOrEmpty(t.GetProperty("description").GetString())));
    }

    private async Task<(HttpStatusCode Status, JsonElement Problem)> SendAsync(HttpMethod method, string path, string? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await silo.Http.SendAsync(request);
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode >= 400)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }
}
