using System.Text.Json;
using System.Text.RegularExpressions;
using PiiOrleans.Pii.Detection;
using PiiOrleans.Pii.Detection.Recognizers;

namespace PiiOrleans.Silo.Gateway.Presidio;

/// <summary>
/// One of a request's <c>ad_hoc_recognizers</c> (Presidio's serialized PatternRecognizer): its patterns and deny list,
/// compiled for this request only, with its context words. Each pattern is its own recognizer so a result can say which
/// pattern found it.
/// </summary>
internal sealed partial class PresidioAdHocRecognizer
{
    private static readonly HashSet<string> KnownKeys =
    [
        "name", "supported_language", "patterns", "deny_list", "context", "supported_entity", "supported_entities",
        "deny_list_score", "global_regex_flags", "version", "country_code", "id",
    ];

    // Python's re flag values as Presidio serializes them.
    private const int PythonIgnoreCase = 2;
    private const int PythonMultiline = 8;
    private const int PythonDotAll = 16;
    private const int PresidioDefaultFlags = PythonIgnoreCase | PythonMultiline | PythonDotAll;

    private PresidioAdHocRecognizer(string name, string entity, string language, IReadOnlyList<(IEntityRecognizer Recognizer, CustomPattern? Pattern)> parts,
        IReadOnlyList<string> context)
    {
        Name = name;
        Entity = entity;
        Language = language;
        Parts = parts;
        Context = context;
        ContextWords = new ContextWords(context);
    }

    /// <summary>The recognizer's name (Presidio's default is its class name).</summary>
    public string Name { get; }

    /// <summary>The entity it reports.</summary>
    public string Entity { get; }

    /// <summary>The language it serves; a request in another language does not run it.</summary>
    public string Language { get; }

    /// <summary>One recognizer per pattern (with that pattern) and one for the deny list (without).</summary>
    public IReadOnlyList<(IEntityRecognizer Recognizer, CustomPattern? Pattern)> Parts { get; }

    /// <summary>The context words as given.</summary>
    public IReadOnlyList<string> Context { get; }

    /// <summary>The context words prepared for matching.</summary>
    public ContextWords ContextWords { get; }

    /// <summary>
    /// Reads element <paramref name="index"/> of <c>ad_hoc_recognizers</c>; the request's <c>regex_flags</c>
    /// (<paramref name="requestFlags"/>, Python's values) decide the regex options, as in Presidio. Throws <see cref="PresidioRequestException"/> naming the field.
    /// </summary>
    public static PresidioAdHocRecognizer Read(JsonElement element, int index, int? requestFlags)
    {
        var path = $"ad_hoc_recognizers[{index}]";
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new PresidioRequestException($"{path} must be an object with supported_entity and patterns or deny_list.");
        }

        foreach (var property in element.EnumerateObject())
        {
            if (!KnownKeys.Contains(property.Name))
            {
                throw new PresidioRequestException($"Failed to parse /analyze request: {path} has an unknown key '{property.Name}'.");
            }
        }

        var entity = PresidioRequestJson.OptionalString(element, "supported_entity", path)
            ?? PresidioRequestJson.OptionalStrings(element, "supported_entities", path)?.FirstOrDefault();
        if (string.IsNullOrEmpty(entity))
        {
            throw new PresidioRequestException($"{path}: Pattern recognizer should be initialized with entity (supported_entity).");
        }

        if (element.TryGetProperty("supported_entity", out _) && element.TryGetProperty("supported_entities", out _))
        {
            throw new PresidioRequestException($"{path}: give supported_entity or supported_entities, not both.");
        }

        var name = PresidioRequestJson.OptionalString(element, "name", path) ?? "PatternRecognizer";
        var language = PresidioRequestJson.OptionalString(element, "supported_language", path) ?? "en";
        var context = PresidioRequestJson.OptionalStrings(element, "context", path) ?? [];
        var denyList = PresidioRequestJson.OptionalStrings(element, "deny_list", path) ?? [];
        var denyScore = PresidioRequestJson.OptionalScore(element, "deny_list_score", path) ?? 1.0;
        // A REST request always carries flags (Presidio's default when absent), and they win; only 0 falls back to the recognizer's.
        var ownFlags = PresidioRequestJson.OptionalInt(element, "global_regex_flags", path);
        var options = Options(requestFlags switch
        {
            null => PresidioDefaultFlags,
            0 => ownFlags ?? PresidioDefaultFlags,
            { } flags => flags,
        });
        var patterns = ReadPatterns(element, path);
        if (patterns.Count == 0 && denyList.Count == 0)
        {
            throw new PresidioRequestException($"{path}: Pattern recognizer should be initialized with patterns or with deny list.");
        }

        var parts = new List<(IEntityRecognizer, CustomPattern?)>();
        for (var i = 0; i < patterns.Count; i++)
        {
            try
            {
                parts.Add((new CustomPatternRecognizer(entity, [patterns[i]], context, null, name, options), patterns[i]));
            }
            catch (DetectionConfigurationException e)
            {
                throw new PresidioRequestException($"{path}.patterns[{i}]: {e.Message[(e.Field.Length + 2)..]}");
            }
        }

        if (denyList.Count > 0)
        {
            parts.Add((new DenyListRecognizer(entity, denyList, name, denyScore), null));
        }

        return new PresidioAdHocRecognizer(name, entity, language, parts, context);
    }

    private static List<CustomPattern> ReadPatterns(JsonElement element, string path)
    {
        var patterns = new List<CustomPattern>();
        if (!element.TryGetProperty("patterns", out var array) || array.ValueKind == JsonValueKind.Null)
        {
            return patterns;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new PresidioRequestException($"{path}.patterns must be a list of {{\"name\", \"regex\", \"score\"}} objects.");
        }

        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var itemPath = $"{path}.patterns[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new PresidioRequestException($"{itemPath} must be an object with name, regex and score.");
            }

            var regex = PresidioRequestJson.OptionalString(item, "regex", itemPath);
            if (string.IsNullOrEmpty(regex))
            {
                throw new PresidioRequestException($"{itemPath}.regex is required.");
            }

            var score = PresidioRequestJson.OptionalScore(item, "score", itemPath)
                ?? throw new PresidioRequestException($"{itemPath}.score is required (a number between 0 and 1).");
            patterns.Add(new CustomPattern(PresidioRequestJson.OptionalString(item, "name", itemPath) ?? $"pattern_{index - 1}",
                FromPython(regex), score));
        }

        return patterns;
    }

    // Python's named groups are spelled (?P<name>…) and (?P=name); .NET spells them (?<name>…) and \k<name>.
    private static string FromPython(string regex) =>
        regex.Contains("(?P", StringComparison.Ordinal)
            ? PythonBackReference().Replace(regex.Replace("(?P<", "(?<", StringComparison.Ordinal), @"\k<$1>")
            : regex;

    private static RegexOptions Options(int flags) =>
        ((flags & PythonIgnoreCase) != 0 ? RegexOptions.IgnoreCase : RegexOptions.None)
        | ((flags & PythonMultiline) != 0 ? RegexOptions.Multiline : RegexOptions.None)
        | ((flags & PythonDotAll) != 0 ? RegexOptions.Singleline : RegexOptions.None);

    [GeneratedRegex(@"\(\?P=(\w+)\)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PythonBackReference();
}
