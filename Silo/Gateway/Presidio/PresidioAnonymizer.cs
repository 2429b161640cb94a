using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text.Json;
using PiiOrleans.Pii.Anonymization;
using PiiOrleans.Pii.Configuration;
using PiiOrleans.Pii.Detection;
using PiiOrleans.Pii.Engine;

namespace PiiOrleans.Silo.Gateway.Presidio;

/// <summary>
/// <c>POST /anonymize</c> and <c>POST /deanonymize</c> with Presidio's rules: its validation of results and operators
/// (and its messages, answered as 422), its conflict resolution, and operators validated only for entity types that
/// occur. Offsets in and out are Presidio's code point indices.
/// </summary>
internal static class PresidioAnonymizer
{
    /// <summary>The answer to an anonymize request body; nothing is done once <paramref name="cancellationToken"/> is cancelled.</summary>
    public static PresidioAnonymizeResponse Anonymize(PiiEngine engine, JsonElement body, CancellationToken cancellationToken)
    {
        var operators = ReadOperators(body, "anonymizers");
        if (operators.Values.Any(o => o.Strategy == "custom"))
        {
            throw new PresidioRequestException("Custom type anonymizer is not supported");
        }

        var text = Text(body);
        if (!body.TryGetProperty("analyzer_results", out var results) || results.ValueKind == JsonValueKind.Null)
        {
            throw PresidioRequestException.InvalidParameter("Invalid input, request must contain analyzer results");
        }

        var spans = ReadSpans(results, text, requireScore: true);
        cancellationToken.ThrowIfCancellationRequested();
        var map = Bind(engine, operators, spans, OperatorType.Anonymize, new OperatorSettings("replace"));
        return Run(text, () => new AnonymizerEngine().Anonymize(text, spans, map, ConflictResolution.Presidio));
    }

    /// <summary>The answer to a deanonymize request body.</summary>
    public static PresidioAnonymizeResponse Deanonymize(PiiEngine engine, JsonElement body)
    {
        var operators = ReadOperators(body, "deanonymizers");
        var text = Text(body);
        var spans = body.TryGetProperty("anonymizer_results", out var results) && results.ValueKind != JsonValueKind.Null
            ? ReadSpans(results, text, requireScore: false)
            : [];
        if (spans.Count == 0)
        {
            return new PresidioAnonymizeResponse(text, []);
        }

        // Without an operator for a type Presidio fails; we restore only surrogates this silo issued (depseudonymize).
        var map = Bind(engine, operators, spans, OperatorType.Deanonymize, new OperatorSettings("depseudonymize"));
        return Run(text, () => new AnonymizerEngine().Deanonymize(text, spans, map));
    }

    private static PresidioAnonymizeResponse Run(string text, Func<AnonymizerResult> operate)
    {
        AnonymizerResult result;
        try
        {
            result = operate();
        }
        catch (OperatorParameterException e)
        {
            throw PresidioRequestException.InvalidParameter(e.Message);
        }
        catch (CryptographicException)
        {
            // Presidio answers a wrong key or a damaged value with a 500; so do we, saying what to check.
            throw new PresidioRequestException(
                "Internal server error: an item could not be decrypted; check the key and the item offsets.", 500);
        }

        var items = result.Items.Select(i => i with
        {
            Start = PresidioOffsets.ToCodePoints(result.Text, i.Start),
            End = PresidioOffsets.ToCodePoints(result.Text, i.End),
        });
        return PresidioAnonymizeResponse.From(result with { Items = [.. items] });
    }

    private static string Text(JsonElement body) =>
        PresidioRequestJson.OptionalString(body, "text") ?? string.Empty;

    private static Dictionary<string, OperatorSettings> ReadOperators(JsonElement body, string field)
    {
        var map = new Dictionary<string, OperatorSettings>(StringComparer.Ordinal);
        if (!body.TryGetProperty(field, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return map;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new PresidioRequestException($"{field} must be an object mapping an entity type (or DEFAULT) to an operator.");
        }

        foreach (var entry in element.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.Object)
            {
                throw new PresidioRequestException($"{field}.{entry.Name} must be an object like {{\"type\": \"replace\"}}.");
            }

            string? type = null;
            var parameters = ImmutableDictionary.CreateBuilder<string, object?>(StringComparer.Ordinal);
            foreach (var property in entry.Value.EnumerateObject())
            {
                if (property.Name == "type")
                {
                    type = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
                }
                else
                {
                    parameters[property.Name] = Scalar(property.Value);
                }
            }

            if (string.IsNullOrEmpty(type))
            {
                throw PresidioRequestException.InvalidParameter("Invalid input, operator config must contain operator_name");
            }

            map[entry.Name] = new OperatorSettings(type, parameters.ToImmutable());
        }

        return map;
    }

    // Operator parameters keep their JSON type, so a string where a number belongs is refused as Presidio refuses it.
    private static object? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number when value.TryGetInt64(out var whole) => whole,
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null => null,
        _ => value.Clone(),
    };

    // Only the operators the results use are bound (and so validated), as Presidio validates them when it applies them.
    private static OperatorMap Bind(PiiEngine engine, Dictionary<string, OperatorSettings> operators, List<RecognizerResult> spans,
        OperatorType type, OperatorSettings fallback)
    {
        var used = spans.Select(s => s.EntityType).ToHashSet(StringComparer.Ordinal);
        var needed = operators.Where(p => used.Contains(p.Key) || (p.Key == "DEFAULT" && used.Any(u => !operators.ContainsKey(u))))
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        try
        {
            return new OperatorMap(engine.Operators.Registry, needed, fallback, type);
        }
        catch (OperatorParameterException e) when (e.Parameter is "anonymization_strategy" or "lambda")
        {
            var unknown = needed.Values.First(o => Unknown(engine, o, type)).Strategy;
            throw PresidioRequestException.InvalidParameter($"Invalid operator class '{unknown}'.");
        }
        catch (OperatorParameterException e)
        {
            throw PresidioRequestException.InvalidParameter(e.Message);
        }
    }

    private static bool Unknown(PiiEngine engine, OperatorSettings settings, OperatorType type)
    {
        try
        {
            engine.Operators.Registry.Bind(settings, "DEFAULT", type);
            return false;
        }
        catch (OperatorParameterException e)
        {
            return e.Parameter is "anonymization_strategy" or "lambda";
        }
    }

    private static List<RecognizerResult> ReadSpans(JsonElement array, string text, bool requireScore)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw PresidioRequestException.InvalidParameter("Invalid input, analyzer results must be a list of {start, end, entity_type, score}");
        }

        var length = PresidioOffsets.Length(text);
        var spans = new List<RecognizerResult>();
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw PresidioRequestException.InvalidParameter("Invalid input, each result must be an object with start, end and entity_type");
            }

            var start = Offset(item, "start");
            var end = Offset(item, "end");
            var entity = item.TryGetProperty("entity_type", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            if (string.IsNullOrEmpty(entity))
            {
                throw PresidioRequestException.InvalidParameter("Invalid input, result must contain entity_type");
            }

            if (start < 0 || end < 0)
            {
                throw PresidioRequestException.InvalidParameter("Invalid input, result start and end must be positive");
            }

            if (start > end)
            {
                throw PresidioRequestException.InvalidParameter($"Invalid input, start index '{start}' must be smaller than end index '{end}'");
            }

            double score = 1.0;
            if (item.TryGetProperty("score", out var s) && s.ValueKind == JsonValueKind.Number)
            {
                score = s.GetDouble();
            }
            else if (requireScore)
            {
                throw PresidioRequestException.InvalidParameter("Invalid input, analyzer result must contain score");
            }

            if (start > length || end > length)
            {
                throw PresidioRequestException.InvalidParameter(
                    $"Invalid analyzer result, start: {start} and end: {end}, while text length is only {length}.");
            }

            spans.Add(new RecognizerResult(entity, PresidioOffsets.ToUtf16(text, start), PresidioOffsets.ToUtf16(text, end), score, "request"));
        }

        return spans;
    }

    private static int Offset(JsonElement item, string name)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw PresidioRequestException.InvalidParameter($"Invalid input, result must contain {name}");
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt32(out var number) => number,
            JsonValueKind.String => throw PresidioRequestException.InvalidParameter(
                $"Invalid parameter value for {name}. Expecting 'number', but got 'string'."),
            _ => throw PresidioRequestException.InvalidParameter($"Invalid parameter value for '{name}'."),
        };
    }
}
