using System.Diagnostics;
using System.Text.Json;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace PiiOrleans.Silo.Tee;

/// <summary>
/// The Vana Query Engine client (spec §2): submit the signed query, poll its status, download the results database.
/// Same wire format and error texts as the old job; adds retries with backoff on transient failures, configurable
/// timeouts, an atomic validated download, and does not forward the signature to a foreign download host.
/// </summary>
public sealed class QueryEngineClient(HttpClient http, Uri baseUrl, QueryEngineOptions options)
{
    private readonly string _base = baseUrl.AbsoluteUri.TrimEnd('/');

    private static ReadOnlySpan<byte> SqliteHeader => "SQLite format 3\0"u8;

    /// <summary>Runs <paramref name="query"/> and stores its results at <paramref name="destination"/>; false when the engine returned no results URL.</summary>
    public async Task<bool> ExecuteAsync(QueryRequest query, string destination, CancellationToken cancellationToken)
    {
        var queryId = await SubmitAsync(query, cancellationToken).ConfigureAwait(false);
        var resultsUrl = await PollAsync(queryId, query.Signature, cancellationToken).ConfigureAwait(false);
        if (resultsUrl is null)
        {
            return false;
        }

        await DownloadAsync(resultsUrl, query.Signature, destination, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<string> SubmitAsync(QueryRequest query, CancellationToken cancellationToken)
    {
        var body = SubmitBody(query);
        var reply = await SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, _base + "/query") { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new("application/json");
            request.Headers.Add("X-Query-Signature", query.Signature);
            return request;
        }, "submitting query", "Connection error: ", "Error submitting query: ", cancellationToken).ConfigureAwait(false);
        if (reply.Status is < 200 or > 299)
        {
            throw new QueryEngineException("HTTP error submitting query: " + Describe(reply));
        }

        var id = ReadJson(reply.Body, "Error submitting query: ") is { ValueKind: JsonValueKind.Object } json &&
                 json.TryGetProperty("query_id", out var value) ? value.ToString() : "";
        return id.Length > 0 ? id : throw new QueryEngineException("No query ID returned from server");
    }

    private async Task<string?> PollAsync(string queryId, string signature, CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();
        var url = _base + "/query/" + Uri.EscapeDataString(queryId);
        while (elapsed.Elapsed < options.PollTimeout)
        {
            var reply = await SendAsync(() =>
            {
                var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.Add("X-Query-Signature", signature);
                return request;
            }, "polling query", "Connection error polling query: ", "Error polling query: ", cancellationToken).ConfigureAwait(false);
            if (reply.Status == 404)
            {
                throw new QueryEngineException($"Query {queryId} not found");
            }

            if (reply.Status is < 200 or > 299)
            {
                throw new QueryEngineException("HTTP error polling query: " + Describe(reply));
            }

            var json = ReadJson(reply.Body, "Error polling query: ");
            var status = json.ValueKind == JsonValueKind.Object && json.TryGetProperty("query_status", out var s) && s.ValueKind == JsonValueKind.String
                ? s.GetString() : null;
            if (status == "success")
            {
                return json.TryGetProperty("query_results", out var results) && results.ValueKind == JsonValueKind.String &&
                       results.GetString() is { Length: > 0 } link ? link : null;
            }

            if (status == "failed")
            {
                throw new QueryEngineException($"Query {queryId} failed");
            }

            await Task.Delay(options.PollInterval, cancellationToken).ConfigureAwait(false);
        }

        throw new QueryEngineException($"Timeout exceeded ({options.PollTimeout.TotalSeconds:0}s) waiting for query results");
    }

    private async Task DownloadAsync(string link, string signature, string destination, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(baseUrl, link, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new QueryEngineException("Error downloading results: the results URL is not an http(s) URL");
        }

        // The signature authorizes the query at the Query Engine; a pre-signed storage host must not receive it.
        var sameOrigin = Uri.Compare(url, baseUrl, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(destination))!);
        var temp = destination + ".download";
        var pipeline = BuildPipeline<int>(options.DownloadTimeout);
        try
        {
            var status = await pipeline.ExecuteAsync(async token =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                if (sameOrigin)
                {
                    request.Headers.Add("X-Query-Signature", signature);
                }

                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    var body = await response.Content.ReadAsStringAsync(token).ConfigureAwait(false);
                    var message = "HTTP error downloading results: " + Describe(new HttpReply((int)response.StatusCode, body));
                    throw IsTransient((int)response.StatusCode) ? new TransientStatusException(message) : new QueryEngineException(message);
                }

                await using var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
                await response.Content.CopyToAsync(file, token).ConfigureAwait(false);
                return (int)response.StatusCode;
            }, cancellationToken).ConfigureAwait(false);
            _ = status;
        }
        catch (TimeoutRejectedException ex)
        {
            File.Delete(temp);
            throw new QueryEngineException($"Download timed out after {options.DownloadTimeout.TotalSeconds:0} seconds", ex);
        }
        catch (TransientStatusException ex)
        {
            File.Delete(temp);
            throw new QueryEngineException(ex.Message, ex);
        }
        catch (HttpRequestException ex)
        {
            File.Delete(temp);
            throw new QueryEngineException("Connection error downloading results: " + ex.Message, ex);
        }
        catch (Exception ex) when (ex is not QueryEngineException and not OperationCanceledException)
        {
            File.Delete(temp);
            throw new QueryEngineException("Error downloading results: " + ex.Message, ex);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }

        if (!LooksLikeSqlite(temp))
        {
            File.Delete(temp);
            throw new QueryEngineException("Error downloading results: the downloaded file is not a SQLite database");
        }

        File.Move(temp, destination, overwrite: true);
    }

    private static bool LooksLikeSqlite(string path)
    {
        using var file = File.OpenRead(path);
        if (file.Length == 0)
        {
            return true;
        }

        Span<byte> header = stackalloc byte[16];
        return file.ReadAtLeast(header, 16, throwOnEndOfStream: false) == 16 && header.SequenceEqual(SqliteHeader);
    }

    private async Task<HttpReply> SendAsync(Func<HttpRequestMessage> create, string operation, string connectionPrefix, string otherPrefix,
        CancellationToken cancellationToken)
    {
        var pipeline = BuildPipeline<HttpReply>(options.RequestTimeout, reply => IsTransient(reply.Status));
        try
        {
            return await pipeline.ExecuteAsync(async token =>
            {
                using var request = create();
                using var response = await http.SendAsync(request, token).ConfigureAwait(false);
                return new HttpReply((int)response.StatusCode, await response.Content.ReadAsStringAsync(token).ConfigureAwait(false));
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new QueryEngineException($"Request timed out after {options.RequestTimeout.TotalSeconds:0} seconds", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new QueryEngineException(connectionPrefix + ex.Message, ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not QueryEngineException)
        {
            throw new QueryEngineException(otherPrefix + ex.Message + $" ({operation})", ex);
        }
    }

    private ResiliencePipeline<T> BuildPipeline<T>(TimeSpan timeout, Func<T, bool>? transientResult = null)
    {
        var builder = new ResiliencePipelineBuilder<T>();
        if (options.MaxRetries > 0)
        {
            var handle = new PredicateBuilder<T>().Handle<HttpRequestException>().Handle<TimeoutRejectedException>().Handle<TransientStatusException>();
            if (transientResult is not null)
            {
                handle = handle.HandleResult(transientResult);
            }

            builder.AddRetry(new RetryStrategyOptions<T>
            {
                ShouldHandle = handle,
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
            });
        }

        return builder.AddTimeout(timeout < TimeSpan.FromMilliseconds(10) ? TimeSpan.FromMilliseconds(10) : timeout).Build();
    }

    private static bool IsTransient(int status) => status is 408 or 429 or >= 500;

    private static JsonElement ReadJson(string body, string errorPrefix)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new QueryEngineException(errorPrefix + "the response is not valid JSON");
        }
    }

    private static string Describe(HttpReply reply)
    {
        try
        {
            using var document = JsonDocument.Parse(reply.Body);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("detail", out var detail)
                ? $"Status code: {reply.Status}, Detail: {(detail.ValueKind == JsonValueKind.String ? detail.GetString() : detail.GetRawText())}"
                : $"Status code: {reply.Status}";
        }
        catch (JsonException)
        {
            return $"Status code: {reply.Status}, Response: {reply.Body[..Math.Min(100, reply.Body.Length)]}";
        }
    }

    private static byte[] SubmitBody(QueryRequest query)
    {
        // Key order and types as the old job sent them: refiner_id a number, job_id a string.
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("query", query.Query);
            json.WritePropertyName("params");
            json.WriteRawValue(query.ParamsJson);
            json.WriteNumber("refiner_id", query.RefinerId);
            json.WriteString("job_id", query.ComputeJobId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private readonly record struct HttpReply(int Status, string Body);

    private sealed class TransientStatusException(string message) : Exception(message);
}
