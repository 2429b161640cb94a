using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using PiiOrleans.Grains.Interfaces.Jobs;

namespace PiiOrleans.Client.Connection;

/// <summary>
/// The client's HTTP link to a silo gateway: submit jobs, read their status, follow their events (server-sent events,
/// resumed after a dropped connection), answer questions and cancel. Used with <c>--silo URL</c> (a silo's HTTP API).
/// </summary>
public sealed class SiloConnection : IJobConnection
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);
    private const int MaxReconnectsWithoutProgress = 5;
    private readonly HttpClient _http;

    /// <summary>
    /// Connects to the gateway at <paramref name="baseAddress"/> (e.g. <c>http://127.0.0.1:5080/</c>), sending
    /// <paramref name="apiKey"/> (as <c>X-Api-Key</c>) when the silo requires one.
    /// </summary>
    public SiloConnection(Uri baseAddress, HttpMessageHandler? handler = null, string? apiKey = null)
    {
        BaseAddress = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        // Event streams stay open for the whole job, so the client-wide timeout is off; each plain request has its own.
        _http = new HttpClient(handler ?? new SocketsHttpHandler(), disposeHandler: true)
        {
            BaseAddress = BaseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        if (!string.IsNullOrEmpty(apiKey))
        {
            _http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }
    }

    /// <summary>The gateway's base address.</summary>
    public Uri BaseAddress { get; }

    /// <inheritdoc />
    public string Describe => BaseAddress.ToString();

    /// <summary>True when <c>GET /health</c> answers 200.</summary>
    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await SendAsync(HttpMethod.Get, "health", null, cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (SiloUnreachableException)
        {
            return false;
        }
    }

    /// <summary>Submits a job and returns its id.</summary>
    public async Task<JobSubmitted> SubmitAsync(JobSubmission submission, CancellationToken cancellationToken)
    {
        // default(JsonElement) cannot be serialized: a submission without parameters sends an empty object.
        var parameters = submission.Parameters.ValueKind == JsonValueKind.Undefined
            ? JsonSerializer.SerializeToElement(new { })
            : submission.Parameters;
        var body = new { type = submission.Type, parameters };
        return await ReadAsync<JobSubmitted>(HttpMethod.Post, "jobs", body, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The job's status; <see cref="JobNotFoundException"/> when the silo has no such job.</summary>
    public Task<JobStatus> GetStatusAsync(string jobId, CancellationToken cancellationToken) =>
        ReadAsync<JobStatus>(HttpMethod.Get, $"jobs/{Uri.EscapeDataString(jobId)}", null, jobId, cancellationToken);

    /// <summary>The most recent jobs, newest first.</summary>
    public Task<IReadOnlyList<JobStatus>> ListJobsAsync(CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<JobStatus>>(HttpMethod.Get, "jobs", null, null, cancellationToken);

    /// <summary>The job types the silo can run.</summary>
    public Task<IReadOnlyList<JobTypeInfo>> GetJobTypesAsync(CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<JobTypeInfo>>(HttpMethod.Get, "jobtypes", null, null, cancellationToken);

    /// <summary>Posts answers to the job's questions.</summary>
    public async Task AnswerAsync(string jobId, IReadOnlyList<JobAnswer> answers, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, $"jobs/{Uri.EscapeDataString(jobId)}/answers", answers, cancellationToken)
            .ConfigureAwait(false);
        await EnsureSuccessAsync(response, jobId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Asks the silo to cancel the job.</summary>
    public async Task CancelAsync(string jobId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, $"jobs/{Uri.EscapeDataString(jobId)}/cancel", null, cancellationToken)
            .ConfigureAwait(false);
        await EnsureSuccessAsync(response, jobId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The job's events after <paramref name="afterSequence"/>, as they happen, until the job's final event. A dropped
    /// stream is reopened from the last event seen (<c>Last-Event-ID</c>).
    /// </summary>
    public async IAsyncEnumerable<JobEvent> StreamEventsAsync(
        string jobId,
        long afterSequence,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var last = afterSequence;
        var reconnects = 0;
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"jobs/{Uri.EscapeDataString(jobId)}/events");
            request.Headers.TryAddWithoutValidation("Last-Event-ID", last.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Accept.ParseAdd("text/event-stream");
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException e)
            {
                throw Unavailable(e);
            }

            using (response)
            {
                await EnsureSuccessAsync(response, jobId, cancellationToken).ConfigureAwait(false);
                var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                var progressed = false;
                var enumerator = ServerSentEventReader.ReadAsync(stream, cancellationToken).GetAsyncEnumerator(cancellationToken);
                try
                {
                    while (true)
                    {
                        JobEvent jobEvent;
                        try
                        {
                            if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                            {
                                break;
                            }

                            jobEvent = ToJobEvent(enumerator.Current);
                        }
                        catch (Exception e) when (e is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
                        {
                            break; // the connection dropped: reopen below
                        }

                        last = jobEvent.Sequence;
                        progressed = true;
                        yield return jobEvent;
                        if (IsFinal(jobEvent.Kind))
                        {
                            yield break;
                        }
                    }
                }
                finally
                {
                    await enumerator.DisposeAsync().ConfigureAwait(false);
                }

                reconnects = progressed ? 0 : reconnects + 1;
            }

            // The gateway closes the stream after the final event; a stream that ended without one was cut off.
            var status = await GetStatusAsync(jobId, cancellationToken).ConfigureAwait(false);
            if (status.IsFinished && reconnects > 0)
            {
                yield break;
            }

            if (reconnects > MaxReconnectsWithoutProgress)
            {
                throw new SiloUnreachableException(
                    $"The event stream of job '{jobId}' at {BaseAddress} keeps closing; check the silo log, then run 'piiorleans jobs watch {jobId}'.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200 * reconnects), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private static bool IsFinal(string kind) =>
        kind is JobEventKinds.Completed or JobEventKinds.Failed or JobEventKinds.Cancelled;

    private static JobEvent ToJobEvent(ServerSentEventReader.Message message)
    {
        // The data line is the whole JobEvent (sequence, kind, time, data), so the id/event fields are for generic SSE clients.
        return JsonSerializer.Deserialize<JobEvent>(message.Data, JobJson.Options)
            ?? throw new JsonException("The silo sent an empty event.");
    }

    private async Task<T> ReadAsync<T>(HttpMethod method, string path, object? body, string? jobId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(method, path, body, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, jobId, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadFromJsonAsync<T>(JobJson.Options, cancellationToken).ConfigureAwait(false)
            ?? throw new SiloRequestException(response.StatusCode, $"The silo at {BaseAddress} sent an empty answer to {method} /{path}.");
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RequestTimeout);
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: JobJson.Options);
        }

        try
        {
            var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            return response;
        }
        catch (HttpRequestException e)
        {
            throw Unavailable(e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SiloUnreachableException(
                $"The silo at {BaseAddress} did not answer {method} /{path} within {RequestTimeout.TotalSeconds:0} s; check that it is running and not overloaded.",
                e);
        }
    }

    private SiloUnreachableException Unavailable(HttpRequestException e) =>
        new($"Cannot reach the silo at {BaseAddress} ({e.HttpRequestError}). Start one with 'piiorleans serve', or leave out --silo to run a silo in-process.", e);

    private async Task EnsureSuccessAsync(HttpResponseMessage response, string? jobId, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        if (response.StatusCode == HttpStatusCode.NotFound && jobId is not null)
        {
            throw new JobNotFoundException(jobId);
        }

        var detail = await ReadProblemDetailAsync(response, cancellationToken).ConfigureAwait(false);
        throw new SiloRequestException(response.StatusCode, detail ?? $"The silo at {BaseAddress} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
    }

    private static async Task<string?> ReadProblemDetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var name in (ReadOnlySpan<string>)["detail", "title"])
                {
                    if (document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                    {
                        return value.GetString();
                    }
                }
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }
}
