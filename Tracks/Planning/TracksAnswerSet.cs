using System.Text.Json;
using PiiOrleans.Tracks;
using PiiOrleans.Tracks.Formats;
using PiiOrleans.Tracks.Records;

namespace PiiOrleans.Tracks.Planning;

/// <summary>
/// The answers of a tracks job: exact answers per question key and a policy per question kind (the answers file,
/// <c>{"answers": {...}, "policies": {...}}</c>). Validates keys and values so a typo is an error, not a silent default.
/// </summary>
public sealed class TracksAnswerSet
{
    private static readonly Dictionary<string, string[]> PolicyValues = new(StringComparer.Ordinal)
    {
        [TracksQuestionKinds.Email] = ["redact", "keep", "drop_field"],
        [TracksQuestionKinds.UnknownRun] = ["skip_file", "create", "skip_task"],
        [TracksQuestionKinds.Malformed] = ["skip_line", "set_empty", "wrap_list", "drop_field"],
        [TracksQuestionKinds.TsvFormat] = ["detected"],
        [TracksQuestionKinds.EvalRunId] = ["longest_known_prefix"],
    };

    private readonly Dictionary<string, string> _answers;
    private readonly Dictionary<string, string> _policies;

    /// <summary>Creates a validated set; throws <see cref="TracksAnswersException"/> naming the bad key or value.</summary>
    public TracksAnswerSet(IReadOnlyDictionary<string, string>? answers, IReadOnlyDictionary<string, string>? policies, string source = "answers")
    {
        _answers = new Dictionary<string, string>(StringComparer.Ordinal);
        _policies = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (kind, value) in policies ?? new Dictionary<string, string>())
        {
            if (!PolicyValues.TryGetValue(kind, out string[]? allowed))
            {
                throw new TracksAnswersException($"{source}: unknown policy kind '{kind}'. Use one of: {string.Join(", ", PolicyValues.Keys)}.");
            }

            if (!allowed.Contains(value, StringComparer.Ordinal))
            {
                throw new TracksAnswersException($"{source}: policy '{kind}' cannot be '{value}'. Use one of: {string.Join(", ", allowed)}.");
            }

            _policies[kind] = value;
        }

        foreach (var (key, value) in answers ?? new Dictionary<string, string>())
        {
            ValidateAnswer(key, value, source);
            _answers[key] = value;
        }
    }

    /// <summary>The exact answers by question key.</summary>
    public IReadOnlyDictionary<string, string> Answers => _answers;

    /// <summary>The policies by question kind.</summary>
    public IReadOnlyDictionary<string, string> Policies => _policies;

    /// <summary>The kind of a question key (the text before the first ':').</summary>
    public static string KindOf(string key)
    {
        int colon = key.IndexOf(':');
        return colon < 0 ? key : key[..colon];
    }

    /// <summary>Returns a new set with <paramref name="more"/> answers added (validated).</summary>
    public TracksAnswerSet With(IReadOnlyDictionary<string, string> more)
    {
        var merged = new Dictionary<string, string>(_answers, StringComparer.Ordinal);
        foreach (var (k, v) in more)
        {
            merged[k] = v;
        }

        return new TracksAnswerSet(merged, _policies);
    }

    /// <summary>The exact answer for <paramref name="key"/>, or null.</summary>
    public string? Exact(string key) => _answers.GetValueOrDefault(key);

    /// <summary>The policy for <paramref name="kind"/>, or null.</summary>
    public string? Policy(string kind) => _policies.GetValueOrDefault(kind);

    /// <summary>The e-mail action for a key, from the exact answer or the email policy; null when unanswered.</summary>
    public EmailAction? Email(string key) => (Exact(key) ?? Policy(TracksQuestionKinds.Email)) switch
    {
        "redact" => EmailAction.Redact,
        "keep" => EmailAction.Keep,
        "drop_field" => EmailAction.DropField,
        _ => null,
    };

    /// <summary>The repair for a key, from the exact answer or the malformed policy; null when unanswered.</summary>
    public RepairDecision? Repair(string key)
    {
        string? v = Exact(key) ?? Policy(TracksQuestionKinds.Malformed);
        return v is null ? null : RepairDecision.Parse(v);
    }

    /// <summary>Reads and validates an answers file. Errors name the file and say what to fix.</summary>
    public static TracksAnswerSet Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException ex)
        {
            throw new TracksAnswersException($"{path}: cannot read the answers file ({ex.Message}).");
        }

        return Parse(text, path);
    }

    /// <summary>Parses answers-file JSON text; <paramref name="source"/> names it in errors.</summary>
    public static TracksAnswerSet Parse(string json, string source)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new TracksAnswersException($"{source}: not valid JSON (line {ex.LineNumber + 1}). Expected {{\"answers\": {{...}}, \"policies\": {{...}}}}.");
        }

        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new TracksAnswersException($"{source}: the top level must be an object with \"answers\" and/or \"policies\".");
            }

            Dictionary<string, string>? answers = null;
            Dictionary<string, string>? policies = null;
            foreach (var prop in doc.RootElement.EnumerateObject())
            {
                switch (prop.Name)
                {
                    case "answers":
                        answers = ReadStringMap(prop.Value, source, "answers");
                        break;
                    case "policies":
                        policies = ReadStringMap(prop.Value, source, "policies");
                        break;
                    default:
                        throw new TracksAnswersException($"{source}: unknown key '{prop.Name}'. Only \"answers\" and \"policies\" are allowed.");
                }
            }

            return new TracksAnswerSet(answers, policies, source);
        }
    }

    /// <summary>Serializes to the answers-file format.</summary>
    public string ToJson()
    {
        var doc = new SortedDictionary<string, object>(StringComparer.Ordinal)
        {
            ["answers"] = new SortedDictionary<string, string>(_answers, StringComparer.Ordinal),
            ["policies"] = new SortedDictionary<string, string>(_policies, StringComparer.Ordinal),
        };
        return JsonSerializer.Serialize(doc, new JsonSerializerOptions { WriteIndented = true });
    }

    private static Dictionary<string, string> ReadStringMap(JsonElement e, string source, string name)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw new TracksAnswersException($"{source}: \"{name}\" must be an object of string values.");
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in e.EnumerateObject())
        {
            if (p.Value.ValueKind != JsonValueKind.String)
            {
                throw new TracksAnswersException($"{source}: \"{name}\".\"{p.Name}\" must be a string.");
            }

            map[p.Name] = p.Value.GetString()!;
        }

        return map;
    }

    private static void ValidateAnswer(string key, string value, string source)
    {
        string kind = KindOf(key);
        bool ok = kind switch
        {
            TracksQuestionKinds.Email => value is "redact" or "keep" or "drop_field",
            TracksQuestionKinds.UnknownRun => value is "skip_file" or "create" or "skip_task",
            TracksQuestionKinds.Malformed => RepairDecision.Parse(value) is not null,
            TracksQuestionKinds.TsvFormat => value is "skip" or "detected" || TsvFormatNames.TryParse(value, out _),
            TracksQuestionKinds.EvalRunId => value.Trim().Length > 0,
            _ => throw new TracksAnswersException(
                $"{source}: answer key '{key}' is not a tracks question key. Keys start with one of: email, unknown_run, malformed, tsv_format, eval_run_id (use --dry-run to list them)."),
        };
        if (!ok)
        {
            throw new TracksAnswersException($"{source}: '{value}' is not a valid answer for '{key}'. Run with --dry-run to see the choices.");
        }
    }
}
