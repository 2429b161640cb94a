using System.Text.Json;

namespace PiiOrleans.Pii.Detection.Ner;

/// <summary>
/// The model's output labels (from <c>config.json</c> <c>id2label</c>), parsed into BIO tag + entity type and mapped to
/// our entity names (PER → PERSON, LOC/GPE → LOCATION, ORG → ORGANIZATION, NORP/NRP → NRP). Works for BIO and IO schemes.
/// </summary>
public sealed class NerLabelSet
{
    private NerLabelSet(string[] labels, string?[] entities, bool[] begins, string[] types)
    {
        Labels = labels;
        Entities = entities;
        Begins = begins;
        Types = types;
    }

    /// <summary>Raw label names by id.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Our entity type per label id, or null for O and for types we do not report.</summary>
    public IReadOnlyList<string?> Entities { get; }

    /// <summary>True where the label starts an entity (B-).</summary>
    public IReadOnlyList<bool> Begins { get; }

    /// <summary>Distinct entity types this model can emit.</summary>
    public IReadOnlyList<string> Types { get; }

    /// <summary>Number of labels (the logits' last dimension).</summary>
    public int Count => Labels.Count;

    /// <summary>The default mapping of model entity names to ours.</summary>
    public static IReadOnlyDictionary<string, string> DefaultEntityMap { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["PER"] = "PERSON",
        ["PERSON"] = "PERSON",
        ["LOC"] = "LOCATION",
        ["LOCATION"] = "LOCATION",
        ["GPE"] = "LOCATION",
        ["ORG"] = "ORGANIZATION",
        ["ORGANIZATION"] = "ORGANIZATION",
        ["ORGANISATION"] = "ORGANIZATION",
        ["NORP"] = "NRP",
        ["NRP"] = "NRP",
    };

    /// <summary>Parses <c>id2label</c> of a Hugging Face <c>config.json</c>.</summary>
    public static NerLabelSet FromConfig(string configPath, IReadOnlyDictionary<string, string>? entityMap = null)
    {
        entityMap ??= DefaultEntityMap;
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllBytes(configPath));
        }
        catch (JsonException e)
        {
            throw new NerModelException($"{configPath}: not valid JSON ({e.Message}).", e);
        }

        using (doc)
        {
            if (!doc.RootElement.TryGetProperty("id2label", out var map) || map.ValueKind != JsonValueKind.Object)
            {
                throw new NerModelException($"{configPath}: no id2label object; a token-classification config is needed.");
            }

            var pairs = new List<(int Id, string Label)>();
            foreach (var p in map.EnumerateObject())
            {
                if (!int.TryParse(p.Name, out var id) || id < 0 || p.Value.GetString() is not { } label)
                {
                    throw new NerModelException($"{configPath}: id2label entry '{p.Name}' is not a non-negative id with a string label.");
                }

                pairs.Add((id, label));
            }

            var labels = new string[pairs.Count];
            foreach (var (id, label) in pairs)
            {
                if (id >= labels.Length)
                {
                    throw new NerModelException($"{configPath}: id2label ids must be 0..{labels.Length - 1}.");
                }

                labels[id] = label;
            }

            return FromLabels(labels, entityMap);
        }
    }

    /// <summary>Builds the set from label names such as O, B-PER, I-LOC (or PER, LOC for IO).</summary>
    public static NerLabelSet FromLabels(IReadOnlyList<string> labels, IReadOnlyDictionary<string, string>? entityMap = null)
    {
        entityMap ??= DefaultEntityMap;
        var entities = new string?[labels.Count];
        var begins = new bool[labels.Count];
        var types = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < labels.Count; i++)
        {
            var label = labels[i];
            var type = label;
            if (label.Length > 2 && label[1] is '-' or '_' && label[0] is 'B' or 'I' or 'E' or 'S' or 'L' or 'U')
            {
                begins[i] = label[0] is 'B' or 'S' or 'U';
                type = label[2..];
            }

            if (!label.Equals("O", StringComparison.OrdinalIgnoreCase) && entityMap.TryGetValue(type, out var ours))
            {
                entities[i] = ours;
                types.Add(ours);
            }
        }

        return new NerLabelSet(labels.ToArray(), entities, begins, types.ToArray());
    }
}
