using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PiiOrleans.Pii.Anonymization;
using PiiOrleans.Pii.Configuration;
using PiiOrleans.Pii.Detection;
using PiiOrleans.Pii.Engine;

namespace PiiOrleans.Silo.Gateway.Presidio;

/// <summary>
/// Presidio-compatible REST endpoints on the silo gateway (<c>POST /analyze</c>, <c>/anonymize</c>, <c>/deanonymize</c>,
/// <c>GET /supportedentities</c>, <c>/recognizers</c>, <c>/anonymizers</c>, <c>/deanonymizers</c>), so existing Presidio
/// clients can point at a silo. They use the silo's <see cref="PiiEngine"/>; malformed requests get 400 with the field.
/// </summary>
public static class PresidioEndpoints
{
    /// <summary>Maps the endpoints; the engine is the registered <see cref="PiiEngine"/> singleton.</summary>
    public static IEndpointRouteBuilder MapPresidioEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost("/analyze", (HttpRequest request) => Handle(request.HttpContext, Analyze));
        endpoints.MapPost("/anonymize", (HttpRequest request) => Handle(request.HttpContext, Anonymize));
        endpoints.MapPost("/deanonymize", (HttpRequest request) => Handle(request.HttpContext, Deanonymize));
        endpoints.MapGet("/supportedentities", (HttpContext context, string? language) =>
            CheckLanguage(language) ?? Json(Engine(context).SupportedEntities));
        endpoints.MapGet("/recognizers", (HttpContext context, string? language) =>
            CheckLanguage(language) ?? Json(Engine(context).Recognizers.Select(r => r.Name).Distinct().ToList()));
        endpoints.MapGet("/anonymizers", (HttpContext context) => Json(Engine(context).Operators.Registry.AnonymizerNames));
        endpoints.MapGet("/deanonymizers", (HttpContext context) => Json(Engine(context).Operators.Registry.DeanonymizerNames));
        return endpoints;
    }

    private static PiiEngine Engine(HttpContext context) => context.RequestServices.GetService<PiiEngine>()
        ?? throw new InvalidOperationException("No PiiEngine is registered in the silo; call AddPiiEngine when building it.");

    private static async Task<IResult> Handle(HttpContext context, Func<PiiEngine, JsonElement, IResult> handler)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            return BadRequest($"The body is not valid JSON (line {(e.LineNumber ?? 0) + 1}); send a JSON object.");
        }

        using (document)
        {
            try
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new PresidioRequestException("The body must be a JSON object.");
                }

                return handler(Engine(context), document.RootElement);
            }
            catch (PresidioRequestException e)
            {
                return BadRequest(e.Message);
            }
            catch (PiiConfigurationException e)
            {
                return BadRequest($"{e.JsonPath}: {e.Problem}");
            }
        }
    }

    private static IResult Analyze(PiiEngine engine, JsonElement body)
    {
        var text = RequiredString(body, "text");
        if (CheckLanguage(OptionalString(body, "language")) is { } bad)
        {
            return bad;
        }

        if (body.TryGetProperty("ad_hoc_recognizers", out var adHoc) && adHoc.ValueKind == JsonValueKind.Array && adHoc.GetArrayLength() > 0)
        {
            throw new PresidioRequestException("ad_hoc_recognizers are not supported; add regex_patterns or deny_list to the entity in the PII configuration.");
        }

        var entities = OptionalStrings(body, "entities");
        double? threshold = null;
        if (body.TryGetProperty("score_threshold", out var t) && t.ValueKind != JsonValueKind.Null)
        {
            threshold = t.ValueKind == JsonValueKind.Number && t.GetDouble() is >= 0 and <= 1
                ? t.GetDouble()
                : throw new PresidioRequestException("score_threshold must be a number between 0 and 1.");
        }

        var allow = OptionalStrings(body, "allow_list");
        var results = engine.Analyze(text, null, entities, threshold);
        if (allow is { Count: > 0 })
        {
            var allowed = allow.ToHashSet(StringComparer.Ordinal);
            results.RemoveAll(r => allowed.Contains(text.Substring(r.Start, r.Length)));
        }

        return Json(results.Select(r => new PresidioAnalyzerResult(r.EntityType, r.Start, r.End, Math.Round(r.Score, 4),
            new PresidioRecognitionMetadata(r.Recognizer, r.Recognizer))).ToList());
    }

    private static IResult Anonymize(PiiEngine engine, JsonElement body)
    {
        var text = RequiredString(body, "text");
        var spans = ReadSpans(body, "analyzer_results", text.Length);
        var operators = engine.Operators;
        if (body.TryGetProperty("anonymizers", out var anonymizers) && anonymizers.ValueKind != JsonValueKind.Null)
        {
            operators = Bind(engine, PresidioOperatorJson.ReadMap(anonymizers, "anonymizers"), OperatorType.Anonymize, "anonymizers");
        }

        return Json(PresidioAnonymizeResponse.From(new AnonymizerEngine().Anonymize(text, spans, operators)));
    }

    private static IResult Deanonymize(PiiEngine engine, JsonElement body)
    {
        var text = RequiredString(body, "text");
        var spans = ReadSpans(body, "anonymizer_results", text.Length);
        if (!body.TryGetProperty("deanonymizers", out var deanonymizers) || deanonymizers.ValueKind == JsonValueKind.Null)
        {
            throw new PresidioRequestException("deanonymizers is required, for example {\"DEFAULT\": {\"type\": \"decrypt\", \"key\": \"…\"}}.");
        }

        var operators = Bind(engine, PresidioOperatorJson.ReadMap(deanonymizers, "deanonymizers"), OperatorType.Deanonymize, "deanonymizers");
        try
        {
            return Json(PresidioAnonymizeResponse.From(new AnonymizerEngine().Deanonymize(text, spans, operators)));
        }
        catch (CryptographicException)
        {
            throw new PresidioRequestException("An item could not be decrypted: the key is wrong or the item is not an encrypted value.");
        }
    }

    private static OperatorMap Bind(PiiEngine engine, IReadOnlyDictionary<string, OperatorSettings> map, OperatorType type, string field)
    {
        // Without a DEFAULT, anonymize falls back to Presidio's replace; deanonymize restores only surrogates it issued.
        var fallback = new OperatorSettings(type == OperatorType.Anonymize ? "replace" : "depseudonymize");
        try
        {
            return new OperatorMap(engine.Operators.Registry, map, fallback, type);
        }
        catch (OperatorParameterException e)
        {
            var entity = map.FirstOrDefault(p => Fails(engine, p.Key, p.Value, type)).Key ?? "DEFAULT";
            var parameter = e.Parameter == "anonymization_strategy" ? "type" : e.Parameter;
            throw new PresidioRequestException($"{field}.{entity}.{parameter}: {e.Message.Replace("anonymization_strategy", "type", StringComparison.Ordinal)}");
        }
    }

    private static bool Fails(PiiEngine engine, string entity, OperatorSettings settings, OperatorType type)
    {
        try
        {
            engine.Operators.Registry.Bind(settings, entity, type);
            return false;
        }
        catch (OperatorParameterException)
        {
            return true;
        }
    }

    private static List<RecognizerResult> ReadSpans(JsonElement body, string field, int textLength)
    {
        var spans = new List<RecognizerResult>();
        if (!body.TryGetProperty(field, out var array) || array.ValueKind == JsonValueKind.Null)
        {
            return spans;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new PresidioRequestException($"{field} must be a list of {{\"start\", \"end\", \"entity_type\"}} objects.");
        }

        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var path = $"{field}[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new PresidioRequestException($"{path} must be an object with start, end and entity_type.");
            }

            var start = RequiredInt(item, "start", path);
            var end = RequiredInt(item, "end", path);
            var entity = item.TryGetProperty("entity_type", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString()! : null;
            if (string.IsNullOrEmpty(entity))
            {
                throw new PresidioRequestException($"{path}.entity_type is required.");
            }

            if (start < 0 || end > textLength || start > end)
            {
                throw new PresidioRequestException($"{path}: [{start}, {end}) is outside the text (length {textLength}); offsets are UTF-16 indices, end exclusive.");
            }

            var score = item.TryGetProperty("score", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetDouble() : 1.0;
            spans.Add(new RecognizerResult(entity, start, end, score, "request"));
        }

        return spans;
    }

    private static int RequiredInt(JsonElement item, string name, string path) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw new PresidioRequestException($"{path}.{name} must be a whole number.");

    private static string RequiredString(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new PresidioRequestException($"{name} is required and must be a string.");

    private static string? OptionalString(JsonElement body, string name) =>
        !body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : throw new PresidioRequestException($"{name} must be a string.");

    private static List<string>? OptionalStrings(JsonElement body, string name)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
        {
            throw new PresidioRequestException($"{name} must be a list of strings.");
        }

        return [.. value.EnumerateArray().Select(v => v.GetString()!)];
    }

    private static IResult? CheckLanguage(string? language) =>
        language is null or PiiSettings.Language
            ? null
            : BadRequest($"language '{language}' is not supported; this silo analyses English (\"en\").");

    private static IResult Json<T>(T value) => Results.Json(value, PresidioJson.Options);

    private static IResult BadRequest(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "The request is invalid.");
}
