using System.Text.Json;

namespace PiiOrleans.Client.Commands;

/// <summary>Reads <c>--params</c>: inline JSON (starts with '{') or the path of a JSON file.</summary>
internal static class JobParametersInput
{
    public static JsonElement Read(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return JsonSerializer.SerializeToElement(new { });
        }

        var inline = value.TrimStart().StartsWith('{');
        string text;
        if (inline)
        {
            text = value;
        }
        else
        {
            try
            {
                text = File.ReadAllText(value);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ClientUsageException($"Cannot read the parameters file '{value}': {e.Message}");
            }
        }

        var source = inline ? "the --params JSON" : $"the parameters file '{value}'";
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ClientUsageException($"{Capitalized(source)} must hold a JSON object ({{ ... }}).");
            }

            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            // Name the place, not the content: parameter files can hold paths and values the user considers private.
            throw new ClientUsageException(
                $"{Capitalized(source)} is not valid JSON (line {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1}).");
        }
    }

    private static string Capitalized(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
