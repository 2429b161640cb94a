using System.Text.Json;

namespace PiiOrleans.Pii.Evaluation;

/// <summary>
/// Reads the presidio-research generated format: a JSON array of <c>{"full_text", "spans": [{"entity_type",
/// "start_position", "end_position"}]}</c>; labels are mapped with <see cref="EntityLabelMap"/>. The files come from
/// Python, so positions count code points; they are converted to UTF-16 offsets (an emoji before a span would otherwise
/// shift it by one, as it did for 3 % of the real-text dev entities, mostly in tweets).
/// </summary>
public static class PresidioResearchDataset
{
    /// <summary>Loads <paramref name="path"/>; a malformed file is an <see cref="InvalidDataException"/> naming the file and sample.</summary>
    public static IReadOnlyList<LabelledSample> Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    /// <summary>Reads samples from <paramref name="stream"/>; <paramref name="source"/> names it in errors.</summary>
    public static IReadOnlyList<LabelledSample> Read(Stream stream, string source)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(stream); }
        catch (JsonException ex) { throw new InvalidDataException($"{source}: not valid JSON ({ex.Message}); expected an array of labelled samples.", ex); }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Array)
                throw new InvalidDataException($"{source}: expected a JSON array of labelled samples.");
            var samples = new List<LabelledSample>();
            int index = 0;
            foreach (var item in doc.RootElement.EnumerateArray())
            {
                if (!item.TryGetProperty("full_text", out var textEl) || textEl.ValueKind != JsonValueKind.String)
                    throw new InvalidDataException($"{source}: sample {index} has no \"full_text\" string.");
                string text = textEl.GetString()!;
                var utf16 = Utf16Offsets(text);
                var codePoints = utf16 is null ? text.Length : utf16.Length - 1;
                var spans = new List<LabelledSpan>();
                if (item.TryGetProperty("spans", out var spansEl) && spansEl.ValueKind == JsonValueKind.Array)
                {
                    foreach (var s in spansEl.EnumerateArray())
                    {
                        if (!s.TryGetProperty("entity_type", out var t) || !s.TryGetProperty("start_position", out var a) || !s.TryGetProperty("end_position", out var b)
                            || !a.TryGetInt32(out int start) || !b.TryGetInt32(out int end) || start < 0 || end > codePoints || end <= start)
                            throw new InvalidDataException($"{source}: sample {index} has a span without a valid entity_type/start_position/end_position.");
                        if (EntityLabelMap.Map(t.GetString() ?? "") is { } entity)
                            spans.Add(utf16 is null ? new LabelledSpan(entity, start, end) : new LabelledSpan(entity, utf16[start], utf16[end]));
                    }
                }
                samples.Add(new LabelledSample(text, spans));
                index++;
            }
            return samples;
        }
    }

    /// <summary>The UTF-16 offset of every code point index (and of the end), or null when the two agree.</summary>
    private static int[]? Utf16Offsets(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF'))
            return null;
        var offsets = new List<int>(text.Length + 1);
        for (int i = 0; i < text.Length; i++)
        {
            offsets.Add(i);
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
        }
        offsets.Add(text.Length);
        return [.. offsets];
    }
}
