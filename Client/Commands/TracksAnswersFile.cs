using System.Text.Json;

namespace PiiOrleans.Client.Commands;

/// <summary>Reads and writes the <c>--answers</c>/<c>--save-answers</c> file; the job validates keys and values.</summary>
internal static class TracksAnswersFile
{
    public static (Dictionary<string, string>? Answers, Dictionary<string, string>? Policies) Read(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return (null, null);
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ClientUsageException($"Cannot read the answers file '{path}': {e.Message}");
        }

        try
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ClientUsageException($"{path}: the top level must be an object with \"answers\" and/or \"policies\".");
            }

            Dictionary<string, string>? answers = null;
            Dictionary<string, string>? policies = null;
            foreach (var prop in doc.RootElement.EnumerateObject())
            {
                switch (prop.Name)
                {
                    case "answers":
                        answers = Map(prop.Value, path, "answers");
                        break;
                    case "policies":
                        policies = Map(prop.Value, path, "policies");
                        break;
                    default:
                        throw new ClientUsageException($"{path}: unknown key '{prop.Name}'. Only \"answers\" and \"policies\" are allowed.");
                }
            }

            return (answers, policies);
        }
        catch (JsonException e)
        {
            throw new ClientUsageException($"{path}: not valid JSON (line {e.LineNumber + 1}). Expected {{\"answers\": {{...}}, \"policies\": {{...}}}}.");
        }
    }

    public static void Write(string path, IReadOnlyDictionary<string, string>? fileAnswers, IReadOnlyDictionary<string, string> given, IReadOnlyDictionary<string, string>? policies)
    {
        var answers = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in fileAnswers ?? new Dictionary<string, string>())
        {
            answers[k] = v;
        }

        foreach (var (k, v) in given)
        {
            answers[k] = v;
        }

        var doc = new SortedDictionary<string, object>(StringComparer.Ordinal)
        {
            ["answers"] = answers,
            ["policies"] = new SortedDictionary<string, string>((policies ?? new Dictionary<string, string>()).ToDictionary(), StringComparer.Ordinal),
        };
        string temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(doc, new JsonSerializerOptions { WriteIndented = true }) + "\n");
        File.Move(temp, path, overwrite: true);
    }

    private static Dictionary<string, string> Map(JsonElement e, string path, string name)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw new ClientUsageException($"{path}: \"{name}\" must be an object of string values.");
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in e.EnumerateObject())
        {
            map[p.Name] = p.Value.ValueKind == JsonValueKind.String
                ? p.Value.GetString()!
                : throw new ClientUsageException($"{path}: \"{name}\".\"{p.Name}\" must be a string.");
        }

        return map;
    }
}
