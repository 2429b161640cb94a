using System.Text.Json;

namespace PiiOrleans.Silo.Gateway.Presidio;

/// <summary>Typed reads of request fields; a wrong type is a <see cref="PresidioRequestException"/> naming the field.</summary>
internal static class PresidioRequestJson
{
    /// <summary>The string <paramref name="name"/> of <paramref name="element"/>, or null when absent or null.</summary>
    public static string? OptionalString(JsonElement element, string name, string? path = null) =>
        !element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : throw new PresidioRequestException($"{Field(path, name)} must be a string.");

    /// <summary>The list of strings <paramref name="name"/>, or null when absent or null.</summary>
    public static List<string>? OptionalStrings(JsonElement element, string name, string? path = null)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
        {
            throw new PresidioRequestException($"{Field(path, name)} must be a list of strings.");
        }

        return [.. value.EnumerateArray().Select(v => v.GetString()!)];
    }

    /// <summary>The number <paramref name="name"/> in [0, 1], or null when absent or null.</summary>
    public static double? OptionalScore(JsonElement element, string name, string? path = null)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.GetDouble() is >= 0 and <= 1
            ? value.GetDouble()
            : throw new PresidioRequestException($"{Field(path, name)} must be a number between 0 and 1.");
    }

    /// <summary>The whole number <paramref name="name"/>, or null when absent or null.</summary>
    public static int? OptionalInt(JsonElement element, string name, string? path = null)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw new PresidioRequestException($"{Field(path, name)} must be a whole number.");
    }

    /// <summary>The boolean <paramref name="name"/>, false when absent or null.</summary>
    public static bool OptionalBool(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False or JsonValueKind.Null => false,
            _ => throw new PresidioRequestException($"{name} must be true or false."),
        };

    private static string Field(string? path, string name) => path is null ? name : $"{path}.{name}";
}
