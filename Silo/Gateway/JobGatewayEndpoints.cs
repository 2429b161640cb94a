using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orleans;
using PiiOrleans.Grains.Interfaces.Jobs;
using PiiOrleans.Grains.Jobs;

namespace PiiOrleans.Silo.Gateway;

/// <summary>
/// The silo's HTTP gateway for jobs: submit, list, status, server-sent events, answers, cancel, health and job types.
/// Every handler turns bad input into a 400/404/409 problem with a message, never a 500.
/// </summary>
public static class JobGatewayEndpoints
{
    private const string SubmissionShape = "{\"type\": \"<job type>\", \"parameters\": { ... }}";
    private const string AnswersShape = "[{\"key\": \"<question key>\", \"value\": \"<answer>\"}, ...]";
    private const int EventsPerRead = 256;
    private static readonly TimeSpan EventWait = TimeSpan.FromSeconds(15);

    /// <summary>Maps the job endpoints onto <paramref name="endpoints"/>.</summary>
    public static IEndpointRouteBuilder MapJobGateway(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", ClusterHealth.Report);
        endpoints.MapGet("/jobtypes", (JobTypeCatalog catalog) =>
            Results.Ok(catalog.All.Select(r => new JobTypeInfo(r.Name, r.Description)).ToArray()));
        endpoints.MapPost("/jobs", SubmitAsync);
        endpoints.MapGet("/jobs", ListAsync);
        endpoints.MapGet("/jobs/{id}", GetAsync);
        endpoints.MapGet("/jobs/{id}/events", StreamEventsAsync);
        endpoints.MapPost("/jobs/{id}/answers", AnswerAsync);
        endpoints.MapPost("/jobs/{id}/cancel", CancelAsync);
        return endpoints;
    }

    private static async Task<IResult> SubmitAsync(HttpRequest request, IGrainFactory grains, JobTypeCatalog catalog, CancellationToken cancellationToken)
    {
        var (document, error) = await RequestBodies.ReadJsonAsync(request, SubmissionShape, cancellationToken);
        if (document is null)
        {
            return GatewayProblems.BadRequest(error!);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return GatewayProblems.BadRequest($"The request body must be a JSON object: {SubmissionShape}.");
            }

            if (!root.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String
                || string.IsNullOrWhiteSpace(typeElement.GetString()))
            {
                return GatewayProblems.BadRequest($"The request has no job \"type\". Known types: {KnownTypes(catalog)}.");
            }

            var type = typeElement.GetString()!;
            if (!catalog.TryGet(type, out var registration))
            {
                return GatewayProblems.BadRequest($"Unknown job type '{Printable(type)}'. Known types: {KnownTypes(catalog)}.");
            }

            JsonElement parameters;
            if (!root.TryGetProperty("parameters", out parameters) || parameters.ValueKind == JsonValueKind.Null)
            {
                parameters = JsonSerializer.SerializeToElement(new { });
            }
            else if (parameters.ValueKind != JsonValueKind.Object)
            {
                return GatewayProblems.BadRequest($"\"parameters\" must be a JSON object: {SubmissionShape}.");
            }

            try
            {
                var id = await grains.GetGrain<IJobRegistryGrain>(IJobRegistryGrain.DefaultKey).AllocateJobId();
                var status = await grains.GetGrain<IJobGrain>(id).Start(new JobSubmission(registration.Name, parameters.Clone()));
                return Results.Created($"/jobs/{id}", new JobSubmitted(id, status.Type, status.State));
            }
            catch (JobParameterException e)
            {
                return GatewayProblems.BadRequest(e.Message);
            }
        }
    }

    private static async Task<IResult> ListAsync(HttpRequest request, IGrainFactory grains)
    {
        var max = 100;
        if (request.Query.TryGetValue("max", out var text)
            && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out max) || max is < 1 or > 10_000))
        {
            return GatewayProblems.BadRequest("\"max\" must be a whole number from 1 to 10000.");
        }

        return Results.Ok(await grains.GetGrain<IJobRegistryGrain>(IJobRegistryGrain.DefaultKey).ListJobs(max));
    }

    private static Task<IResult> GetAsync(string id, IGrainFactory grains) =>
        OnJobAsync(id, async () => Results.Ok(await grains.GetGrain<IJobGrain>(id).GetStatus()));

    private static async Task<IResult> AnswerAsync(string id, HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (!JobIds.IsValid(id))
        {
            return GatewayProblems.BadRequest(JobIds.Rule);
        }

        var (document, error) = await RequestBodies.ReadJsonAsync(request, AnswersShape, cancellationToken);
        if (document is null)
        {
            return GatewayProblems.BadRequest(error!);
        }

        var answers = new List<JobAnswer>();
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return GatewayProblems.BadRequest($"The request body must be a JSON array: {AnswersShape}.");
            }

            var index = 0;
            foreach (var item in document.RootElement.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object
                    || !item.TryGetProperty("key", out var key) || key.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(key.GetString())
                    || !item.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.String)
                {
                    return GatewayProblems.BadRequest($"Answer {index + 1} needs a string \"key\" and a string \"value\": {AnswersShape}.");
                }

                answers.Add(new JobAnswer(key.GetString()!, value.GetString()!));
                index++;
            }
        }

        return await OnJobAsync(id, async () =>
        {
            var job = grains.GetGrain<IJobGrain>(id);
            await job.Answer(answers);
            return Results.Ok(await job.GetStatus());
        });
    }

    private static Task<IResult> CancelAsync(string id, IGrainFactory grains) =>
        OnJobAsync(id, async () =>
        {
            var job = grains.GetGrain<IJobGrain>(id);
            await job.Cancel();
            return Results.Accepted($"/jobs/{id}", await job.GetStatus());
        });

    private static async Task StreamEventsAsync(string id, HttpContext http, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (!JobIds.IsValid(id))
        {
            await GatewayProblems.BadRequest(JobIds.Rule).ExecuteAsync(http);
            return;
        }

        // ?after= wins over Last-Event-ID, so a reconnecting EventSource can still be pointed elsewhere explicitly.
        var afterText = http.Request.Query.TryGetValue("after", out var query) ? query.ToString() : http.Request.Headers["Last-Event-ID"].ToString();
        long after = 0;
        if (afterText.Length > 0 && (!long.TryParse(afterText, NumberStyles.None, CultureInfo.InvariantCulture, out after)))
        {
            await GatewayProblems.BadRequest("\"after\" (or the Last-Event-ID header) must be a non-negative event sequence number.").ExecuteAsync(http);
            return;
        }

        var job = grains.GetGrain<IJobGrain>(id);
        try
        {
            await job.GetStatus();
        }
        catch (JobNotFoundException e)
        {
            await GatewayProblems.NotFound(e.Message).ExecuteAsync(http);
            return;
        }

        var response = http.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        await response.Body.FlushAsync(cancellationToken);

        var text = new StringBuilder();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var events = await job.WaitForEvents(after, EventsPerRead, EventWait);
                if (events.Count == 0)
                {
                    if ((await job.GetStatus()).IsFinished)
                    {
                        return;
                    }

                    await response.WriteAsync(": keep-alive\n\n", cancellationToken);
                    await response.Body.FlushAsync(cancellationToken);
                    continue;
                }

                var finished = false;
                text.Clear();
                foreach (var jobEvent in events)
                {
                    text.Append("id: ").Append(jobEvent.Sequence.ToString(CultureInfo.InvariantCulture)).Append('\n')
                        .Append("event: ").Append(jobEvent.Kind).Append('\n')
                        .Append("data: ").Append(JsonSerializer.Serialize(jobEvent, JobJson.Options)).Append("\n\n");
                    after = jobEvent.Sequence;
                    finished |= jobEvent.Kind is JobEventKinds.Completed or JobEventKinds.Failed or JobEventKinds.Cancelled;
                }

                await response.WriteAsync(text.ToString(), cancellationToken);
                await response.Body.FlushAsync(cancellationToken);
                if (finished)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
    }

    private static async Task<IResult> OnJobAsync(string id, Func<Task<IResult>> action)
    {
        if (!JobIds.IsValid(id))
        {
            return GatewayProblems.BadRequest(JobIds.Rule);
        }

        try
        {
            return await action();
        }
        catch (JobNotFoundException e)
        {
            return GatewayProblems.NotFound(e.Message);
        }
        catch (ArgumentException e)
        {
            return GatewayProblems.BadRequest(e.Message);
        }
        catch (InvalidOperationException e)
        {
            return GatewayProblems.Conflict(e.Message);
        }
    }

    private static string KnownTypes(JobTypeCatalog catalog) =>
        catalog.All.Count == 0 ? "(none registered)" : string.Join(", ", catalog.All.Select(r => r.Name));

    /// <summary>Echoes a short, single-line version of a client-supplied name (the type is not PII, but keep logs tidy).</summary>
    private static string Printable(string value)
    {
        var cut = value.Length > 64 ? value[..64] + "…" : value;
        return string.Concat(cut.Select(c => char.IsControl(c) ? '?' : c));
    }
}
