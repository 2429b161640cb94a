using System.Collections.Immutable;
using System.Text.Json;

namespace PiiOrleans.Pii.Configuration;

/// <summary>
/// Reads operator configurations in Presidio's REST shape: <c>{"type": "mask", "masking_char": "*", …}</c>
/// (the anonymizers / deanonymizers maps). Errors are <see cref="PiiConfigurationException"/> naming the JSON path.
/// </summary>
public static class PresidioOperatorJson
{
    /// <summary>The operator described by <paramref name="element"/> (an object with <c>type</c> and parameters).</summary>
    public static OperatorSettings Read(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new PiiConfigurationException(path, "must be an object like {\"type\": \"replace\", \"new_value\": \"…\"}.");
        }

        string? type = null;
        var parameters = ImmutableDictionary.CreateBuilder<string, object?>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name == "type")
            {
                type = property.Value.ValueKind == JsonValueKind.String
                    ? property.Value.GetString()
                    : throw new PiiConfigurationException($"{path}.type", "must be a string naming the operator.");
            }
            else
            {
                parameters[property.Name] = PiiSettingsLoader.ScalarValue(property.Value, $"{path}.{property.Name}");
            }
        }

        if (string.IsNullOrWhiteSpace(type))
        {
            throw new PiiConfigurationException($"{path}.type", "is required: name the operator, for example \"replace\".");
        }

        return new OperatorSettings(type, parameters.ToImmutable());
    }

    /// <summary>Reads a map of entity type → operator (the <c>anonymizers</c> or <c>deanonymizers</c> field).</summary>
    public static IReadOnlyDictionary<string, OperatorSettings> ReadMap(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new PiiConfigurationException(path, "must be an object mapping an entity type (or DEFAULT) to an operator.");
        }

        var map = new Dictionary<string, OperatorSettings>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            map[property.Name] = Read(property.Value, $"{path}.{property.Name}");
        }

        return map;
    }
}
