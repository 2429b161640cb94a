using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using PiiOrleans.Pii.Anonymization;

namespace PiiOrleans.Pii.Configuration;

/// <summary>
/// Reads and validates the Presidio-style PII configuration JSON. Unknown fields are tolerated; every invalid value
/// (unknown strategy or lambda, bad regex, bad encryption key, threshold outside [0, 1], …) is a
/// <see cref="PiiConfigurationException"/> naming its JSON path, so a bad file never runs (no fail-open).
/// </summary>
public static class PiiSettingsLoader
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    private static readonly string[] LogLevels = ["CRITICAL", "FATAL", "ERROR", "WARNING", "WARN", "INFO", "DEBUG", "NOTSET", "TRACE"];

    /// <summary>Loads <paramref name="path"/>; errors name the file and the field.</summary>
    public static PiiSettings Load(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PiiConfigurationException("$",
                $"cannot read the file ({e.GetType().Name}); give an existing, readable file or omit it to use the built-in defaults.", path, e);
        }

        try
        {
            return Parse(json);
        }
        catch (PiiConfigurationException e)
        {
            throw e.WithSource(path);
        }
    }

    /// <summary>Loads <paramref name="path"/>, or returns <see cref="PiiSettings.Default"/> when it is null or empty.</summary>
    public static PiiSettings LoadOrDefault(string? path) => string.IsNullOrWhiteSpace(path) ? PiiSettings.Default : Load(path);

    /// <summary>Parses and validates configuration JSON text.</summary>
    public static PiiSettings Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new PiiConfigurationException("$",
                $"not valid JSON (line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}); fix the syntax.", null, e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new PiiConfigurationException("$", "the configuration must be a JSON object.");
            }

            var anonymization = ReadAnonymization(root, "$.anonymization");
            var entities = ReadEntities(root, anonymization);
            var settings = new PiiSettings(
                Bool(root, "enabled", "$", true),
                Bool(root, "debug_mode", "$", false),
                ReadLogLevel(root),
                entities,
                anonymization,
                ReadBatchProcessing(root, "$.batch_processing"),
                ReadNlp(root, "$.nlp"),
                ReadNer(root, "$.ner"),
                Strings(root, "allow_list", "$"),
                Regexes(root, "allow_list_regex", "$"));
            return settings;
        }
    }

    private static string ReadLogLevel(JsonElement root)
    {
        var level = String(root, "log_level", "$", "INFO")!;
        if (!LogLevels.Contains(level.ToUpperInvariant()))
        {
            throw new PiiConfigurationException("$.log_level", $"'{level}' is not a log level; use one of {string.Join(", ", LogLevels)}.");
        }

        return level.ToUpperInvariant();
    }

    private static ImmutableArray<EntitySettings> ReadEntities(JsonElement root, AnonymizationSettings anonymization)
    {
        if (!root.TryGetProperty("entities", out var entities) || entities.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (entities.ValueKind != JsonValueKind.Object)
        {
            throw new PiiConfigurationException("$.entities", "must be an object mapping a name to an entity definition.");
        }

        var result = ImmutableArray.CreateBuilder<EntitySettings>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in entities.EnumerateObject())
        {
            var path = $"$.entities.{property.Name}";
            var entity = ReadEntity(property.Name, property.Value, path, anonymization);
            if (seen.TryGetValue(entity.EntityType, out var other))
            {
                throw new PiiConfigurationException($"{path}.entity_type",
                    $"{entity.EntityType} is already configured at {other}; keep one entry per entity type.");
            }

            seen.Add(entity.EntityType, path);
            result.Add(entity);
        }

        return result.ToImmutable();
    }

    private static EntitySettings ReadEntity(string key, JsonElement element, string path, AnonymizationSettings anonymization)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new PiiConfigurationException(path, "an entity must be an object with at least \"entity_type\".");
        }

        var entityType = String(element, "entity_type", path, null);
        if (string.IsNullOrWhiteSpace(entityType))
        {
            throw new PiiConfigurationException($"{path}.entity_type", "is required: name the entity, for example \"PERSON\".");
        }

        // An alias would otherwise configure an entity no recognizer emits: the entry would do nothing, silently.
        entityType = KnownEntityTypes.Aliases.GetValueOrDefault(entityType, entityType);
        var threshold = Number(element, "confidence_threshold", path, EntitySettings.DefaultConfidenceThreshold);
        if (threshold is < 0 or > 1)
        {
            throw new PiiConfigurationException($"{path}.confidence_threshold", "must be between 0 and 1.");
        }

        var strategy = String(element, "anonymization_strategy", path, "replace")!;
        var parameters = ReadParams(element, $"{path}.anonymization_params");
        var op = anonymization.FillDefaults(new OperatorSettings(strategy, parameters));
        ValidateOperator(op, entityType, path, "anonymization_params");

        var denyList = Strings(element, "deny_list", path);
        var patterns = ReadPatterns(element, $"{path}.regex_patterns");
        // A custom entity brings its own recognizer (patterns or a deny list); any other name must be a built-in one.
        if (!KnownEntityTypes.All.Contains(entityType) && denyList.IsEmpty && patterns.IsEmpty)
        {
            var closest = KnownEntityTypes.Closest(entityType);
            throw new PiiConfigurationException($"{path}.entity_type",
                $"'{entityType}' is not a known entity type{(closest is null ? string.Empty : $"; did you mean '{closest}'?")} " +
                "A custom entity needs \"regex_patterns\" or a \"deny_list\". Known types are listed in docs/anon.md.");
        }

        return new EntitySettings(
            key,
            entityType,
            Bool(element, "enabled", path, true),
            threshold,
            Strings(element, "context_words", path),
            denyList,
            Strings(element, "allow_list", path),
            Regexes(element, "allow_list_regex", path),
            patterns,
            op);
    }

    private static void ValidateOperator(OperatorSettings op, string entityType, string path, string paramsField)
    {
        try
        {
            OperatorRegistry.Validation.Bind(op, entityType);
        }
        catch (OperatorParameterException e)
        {
            var field = e.Parameter == "anonymization_strategy" ? $"{path}.anonymization_strategy" : $"{path}.{paramsField}.{e.Parameter}";
            throw new PiiConfigurationException(field, e.Message);
        }
    }

    private static ImmutableDictionary<string, object?> ReadParams(JsonElement parent, string path)
    {
        var result = ImmutableDictionary.CreateBuilder<string, object?>(StringComparer.Ordinal);
        var name = path[(path.LastIndexOf('.') + 1)..];
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return result.ToImmutable();
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new PiiConfigurationException(path, "must be an object of operator parameters.");
        }

        foreach (var property in element.EnumerateObject())
        {
            result[property.Name] = ScalarValue(property.Value, $"{path}.{property.Name}");
        }

        return result.ToImmutable();
    }

    /// <summary>A JSON scalar as string, long, double, bool or null (nested values are not operator parameters).</summary>
    internal static object? ScalarValue(JsonElement value, string path) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number when value.TryGetInt64(out var l) => l,
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null => null,
        _ => throw new PiiConfigurationException(path, "must be a string, number, true/false or null."),
    };

    private static ImmutableArray<PatternSettings> ReadPatterns(JsonElement parent, string path)
    {
        if (!parent.TryGetProperty("regex_patterns", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            throw new PiiConfigurationException(path, "must be a list of {\"name\", \"regex\", \"score\"} objects.");
        }

        var result = ImmutableArray.CreateBuilder<PatternSettings>();
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var itemPath = $"{path}[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new PiiConfigurationException(itemPath, "must be an object {\"name\", \"regex\", \"score\"}, not a bare value.");
            }

            var name = String(item, "name", itemPath, null);
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new PiiConfigurationException($"{itemPath}.name", "is required: give the pattern a name.");
            }

            var regex = String(item, "regex", itemPath, null);
            if (string.IsNullOrEmpty(regex))
            {
                throw new PiiConfigurationException($"{itemPath}.regex", "is required: give the regular expression.");
            }

            CheckRegex(regex, $"{itemPath}.regex");
            var score = Number(item, "score", itemPath, PatternSettings.DefaultScore);
            if (score is < 0 or > 1)
            {
                throw new PiiConfigurationException($"{itemPath}.score", "must be between 0 and 1.");
            }

            result.Add(new PatternSettings(name, regex, score));
        }

        return result.ToImmutable();
    }

    private static AnonymizationSettings ReadAnonymization(JsonElement root, string path)
    {
        var section = Section(root, "anonymization", path);
        if (section is not { } s)
        {
            return AnonymizationSettings.Default;
        }

        var d = AnonymizationSettings.Default;
        var maskChar = String(s, "mask_char", path, d.MaskChar)!;
        var hashType = String(s, "hash_type", path, d.HashType)!;
        var key = String(s, "encryption_key", path, null);
        var settings = new AnonymizationSettings(
            String(s, "default_strategy", path, d.DefaultStrategy)!,
            String(s, "default_replacement", path, d.DefaultReplacement)!,
            Bool(s, "preserve_format", path, d.PreserveFormat),
            maskChar,
            Bool(s, "mask_from_end", path, d.MaskFromEnd),
            hashType,
            key,
            String(s, "pseudonym_seed", path, null));

        // The section's defaults are checked where they are written, not where an entity inherits them.
        Check(() => new MaskOperator().Validate(new OperatorParameters("DEFAULT",
            new Dictionary<string, object?> { ["masking_char"] = maskChar, ["chars_to_mask"] = 1L, ["from_end"] = true })), $"{path}.mask_char");
        Check(() => new HashOperator().Validate(new OperatorParameters("DEFAULT", new Dictionary<string, object?> { ["hash_type"] = hashType })),
            $"{path}.hash_type");
        if (key is not null)
        {
            Check(() => AesCbcCipher.KeyBytes(key), $"{path}.encryption_key");
        }

        try
        {
            OperatorRegistry.Validation.Bind(settings.DefaultOperator(), "DEFAULT");
        }
        catch (OperatorParameterException e)
        {
            var field = e.Parameter switch
            {
                "anonymization_strategy" or "lambda" => "default_strategy",
                "key" => "encryption_key",
                _ => "default_strategy",
            };
            throw new PiiConfigurationException($"{path}.{field}", e.Message);
        }

        return settings;
    }

    private static void Check(Action validate, string path)
    {
        try
        {
            validate();
        }
        catch (OperatorParameterException e)
        {
            throw new PiiConfigurationException(path, e.Message);
        }
    }

    private static BatchProcessingSettings ReadBatchProcessing(JsonElement root, string path)
    {
        if (Section(root, "batch_processing", path) is not { } s)
        {
            return BatchProcessingSettings.Default;
        }

        var d = BatchProcessingSettings.Default;
        return new BatchProcessingSettings(
            PositiveInt(s, "batch_size", path, d.BatchSize),
            PositiveInt(s, "max_memory_mb", path, d.MaxMemoryMb),
            Bool(s, "enable_parallel_processing", path, d.EnableParallelProcessing),
            PositiveInt(s, "num_workers", path, d.NumWorkers));
    }

    private static NlpSettings ReadNlp(JsonElement root, string path)
    {
        if (Section(root, "nlp", path) is not { } s)
        {
            return NlpSettings.Default;
        }

        var d = NlpSettings.Default;
        var languages = s.TryGetProperty("supported_languages", out _) ? Strings(s, "supported_languages", path) : d.SupportedLanguages;
        if (!languages.Contains(PiiSettings.Language))
        {
            // The old job analysed in English regardless and failed every value open when "en" was missing.
            throw new PiiConfigurationException($"{path}.supported_languages", "must include \"en\", the language texts are analysed in.");
        }

        var models = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (s.TryGetProperty("custom_models", out var custom) && custom.ValueKind != JsonValueKind.Null)
        {
            if (custom.ValueKind != JsonValueKind.Object)
            {
                throw new PiiConfigurationException($"{path}.custom_models", "must be an object mapping a language to a model name.");
            }

            foreach (var property in custom.EnumerateObject())
            {
                models[property.Name] = String(custom, property.Name, $"{path}.custom_models", string.Empty)!;
            }
        }

        return new NlpSettings(String(s, "engine_name", path, d.EngineName)!, String(s, "model_name", path, d.ModelName)!,
            languages, models.ToImmutable());
    }

    private static NerSettings ReadNer(JsonElement root, string path)
    {
        if (Section(root, "ner", path) is not { } s)
        {
            return NerSettings.Default;
        }

        var d = NerSettings.Default;
        var minScore = Number(s, "min_score", path, d.MinScore);
        if (minScore is < 0 or > 1)
        {
            throw new PiiConfigurationException($"{path}.min_score", "must be between 0 and 1.");
        }

        return new NerSettings(Bool(s, "enabled", path, d.Enabled), String(s, "model_path", path, d.ModelPath), minScore);
    }

    private static JsonElement? Section(JsonElement root, string name, string path)
    {
        if (!root.TryGetProperty(name, out var section) || section.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return section.ValueKind == JsonValueKind.Object
            ? section
            : throw new PiiConfigurationException(path, "must be an object.");
    }

    private static bool Bool(JsonElement parent, string name, string path, bool fallback) =>
        !parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? fallback : value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new PiiConfigurationException($"{path}.{name}", "must be true or false."),
        };

    private static string? String(JsonElement parent, string name, string path, string? fallback) =>
        !parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? fallback : value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new PiiConfigurationException($"{path}.{name}", "must be a string.");

    private static double Number(JsonElement parent, string name, string path, double fallback) =>
        !parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? fallback : value.ValueKind == JsonValueKind.Number
            ? value.GetDouble()
            : throw new PiiConfigurationException($"{path}.{name}", "must be a number.");

    private static int PositiveInt(JsonElement parent, string name, string path, int fallback)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return fallback;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var result))
        {
            throw new PiiConfigurationException($"{path}.{name}", "must be a whole number.");
        }

        return result > 0 ? result : throw new PiiConfigurationException($"{path}.{name}", "must be greater than 0.");
    }

    private static ImmutableArray<string> Strings(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new PiiConfigurationException($"{path}.{name}", "must be a list of strings.");
        }

        var result = ImmutableArray.CreateBuilder<string>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                throw new PiiConfigurationException($"{path}.{name}[{index}]", "must be a string.");
            }

            result.Add(item.GetString()!);
            index++;
        }

        return result.ToImmutable();
    }

    private static ImmutableArray<string> Regexes(JsonElement parent, string name, string path)
    {
        var patterns = Strings(parent, name, path);
        for (var i = 0; i < patterns.Length; i++)
        {
            CheckRegex(patterns[i], $"{path}.{name}[{i}]");
        }

        return patterns;
    }

    private static void CheckRegex(string pattern, string path)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.Singleline | RegexOptions.CultureInvariant,
                TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            throw new PiiConfigurationException(path, $"not a valid regular expression ({e.Message}); fix or remove the pattern.");
        }
    }
}
