using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PiiOrleans.Pii.Engine;

namespace PiiOrleans.Silo.Gateway.Presidio;

/// <summary>
/// Presidio-compatible REST endpoints on the silo gateway (<c>POST /analyze</c>, <c>/anonymize</c>, <c>/deanonymize</c>,
/// <c>GET /supportedentities</c>, <c>/recognizers</c>, <c>/anonymizers</c>, <c>/deanonymizers</c>), so existing Presidio
/// clients can point at a silo. They use the silo's <see cref="PiiEngine"/>; errors are Presidio's <c>{"error": "…"}</c>
/// (400 for a malformed request, 422 for invalid results or operator parameters; see docs/presidio.md). A request
/// is bounded by <see cref="PresidioLimits"/> (413 for too much text, 503 when the analysis runs out of time) and its
/// work stops when the client disconnects.
/// </summary>
public static class PresidioEndpoints
{
    /// <summary>The body of <c>GET /health</c> where <see cref="MapPresidioHealthEndpoint"/> maps it.</summary>
    public const string HealthText = "Presidio Analyzer service is up";

    /// <summary>Maps the endpoints; the engine is the registered <see cref="PiiEngine"/> singleton.</summary>
    public static IEndpointRouteBuilder MapPresidioEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost("/analyze", (HttpRequest request) => Handle(request.HttpContext, PresidioAnalyzer.Analyze, emptyIsValid: true));
        endpoints.MapPost("/anonymize", (HttpRequest request) => Handle(request.HttpContext, PresidioAnonymizer.Anonymize, emptyIsValid: false));
        endpoints.MapPost("/deanonymize", (HttpRequest request) => Handle(request.HttpContext, (engine, body, _) => PresidioAnonymizer.Deanonymize(engine, body), emptyIsValid: false));
        endpoints.MapGet("/supportedentities", (HttpContext context, string? language) =>
            Answer(() => PresidioAnalyzer.CheckLanguage(language), () => Engine(context).SupportedEntities));
        endpoints.MapGet("/recognizers", (HttpContext context, string? language) =>
            Answer(() => PresidioAnalyzer.CheckLanguage(language), () => Engine(context).Recognizers.Select(r => r.Name).Distinct().ToList()));
        endpoints.MapGet("/anonymizers", (HttpContext context) => Json(Engine(context).Operators.Registry.AnonymizerNames));
        endpoints.MapGet("/deanonymizers", (HttpContext context) => Json(Engine(context).Operators.Registry.DeanonymizerNames));
        return endpoints;
    }

    /// <summary>
    /// Maps Presidio's <c>GET /health</c> (plain text). Only for a host that serves the Presidio API alone: the silo's
    /// job gateway already answers <c>/health</c> with 200, which is all a Presidio client's probe checks.
    /// </summary>
    public static IEndpointRouteBuilder MapPresidioHealthEndpoint(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/health", () => Results.Text(HealthText));
        return endpoints;
    }

    private static PiiEngine Engine(HttpContext context) => context.RequestServices.GetService<PiiEngine>()
        ?? throw new InvalidOperationException("No PiiEngine is registered in the silo; call AddPiiEngine when building it.");

    private static IResult Answer<T>(Action check, Func<T> value)
    {
        try
        {
            check();
            return Json(value());
        }
        catch (PresidioRequestException e)
        {
            return Error(e.StatusCode, e.Message);
        }
    }

    private static async Task<IResult> Handle<T>(HttpContext context, Func<PiiEngine, JsonElement, CancellationToken, T> handler, bool emptyIsValid)
    {
        var limits = context.RequestServices.GetService<PresidioLimits>() ?? PresidioLimits.Default;
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return Error(StatusCodes.Status400BadRequest, "Invalid request json");
        }

        using (document)
        {
            var body = document.RootElement;
            // Presidio's anonymizer refuses an empty object as it refuses no JSON at all.
            if (body.ValueKind != JsonValueKind.Object || (!emptyIsValid && !body.EnumerateObject().Any()))
            {
                return Error(StatusCodes.Status400BadRequest, "Invalid request json");
            }

            if (TextLength(body) > limits.MaxTextLength)
            {
                return Error(StatusCodes.Status413PayloadTooLarge,
                    $"The text is longer than {limits.MaxTextLength} characters ({PresidioLimits.MaxTextLengthKey}). Send shorter texts, or split them.");
            }

            // The analysis runs on this thread: it stops when the client goes away or the time is up.
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
            deadline.CancelAfter(limits.AnalysisTimeout);
            try
            {
                return Json(handler(Engine(context), body, deadline.Token));
            }
            catch (PresidioRequestException e)
            {
                return Error(e.StatusCode, e.Message);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                // Nobody reads the answer; the status is for the log.
                return Results.StatusCode(499);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                return Error(StatusCodes.Status503ServiceUnavailable,
                    $"The analysis took longer than {limits.AnalysisTimeout.TotalSeconds:0.###} s ({PresidioLimits.AnalysisTimeoutKey}) and was stopped. Send shorter texts, or split them.");
            }
            catch (RegexMatchTimeoutException)
            {
                return Error(StatusCodes.Status400BadRequest, "A pattern took too long on this text; simplify the ad-hoc or allow-list regex.");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Presidio's shape for the unexpected; the type (never the message, which could quote a value) goes to the log.
                context.RequestServices.GetService<ILoggerFactory>()?.CreateLogger(typeof(PresidioEndpoints))
                    .LogError("Presidio request {Path} failed with {ExceptionType}", context.Request.Path.Value, e.GetType().Name);
                return Error(StatusCodes.Status500InternalServerError, "Internal server error");
            }
        }
    }

    // Characters of the request's text: one string, or all strings of a list (anything else is refused later).
    private static long TextLength(JsonElement body)
    {
        if (!body.TryGetProperty("text", out var text))
        {
            return 0;
        }

        return text.ValueKind switch
        {
            JsonValueKind.String => text.GetString()!.Length,
            JsonValueKind.Array => text.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Sum(v => (long)v.GetString()!.Length),
            _ => 0,
        };
    }

    private static IResult Json<T>(T value) => Results.Json(value, PresidioJson.Options);

    private static IResult Error(int status, string message) => Results.Json(new PresidioError(message), PresidioJson.Options, statusCode: status);
}
