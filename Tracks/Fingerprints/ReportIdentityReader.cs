using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PiiOrleans.Tracks.Fingerprints;

/// <summary>
/// Resolves a report line's topic id and text for fingerprinting, leniently (spec §6.3, LIMIT-6, LIMIT-7): every record
/// Track Veil fingerprints resolves to the same topic and text here, and records its strict model rejected (unknown
/// <c>metadata.task</c>, integer ids, missing <c>run_id</c>, <c>metadata.request_id</c>-only RAGTIME reports) resolve too.
/// Kept in step with the anonymizer's resolver (Tracks/Records/ReportTopicText), so a fingerprint made there is found here.
/// </summary>
public static class ReportIdentityReader
{
    private static readonly string[] TopicSources = ["topic_id", "narrative_id", "request_id"];

    /// <summary>Reads a parsed report line; false when it has no topic or no text.</summary>
    public static bool TryRead(JsonElement report, out ReportIdentity identity)
    {
        identity = null!;
        if (report.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        bool hasMetadata = report.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object;
        string? topic = null;
        if (hasMetadata)
        {
            foreach (var source in TopicSources)
            {
                if (metadata.TryGetProperty(source, out var value) && (topic = ScalarText(value)) is { Length: > 0 })
                {
                    break;
                }
            }
        }

        if (string.IsNullOrEmpty(topic))
        {
            return false;
        }

        // responses wins unless absent or null, as in Track Veil's model (and the anonymizer's ReportTopicText).
        string? text = report.TryGetProperty("responses", out var responses) && responses.ValueKind != JsonValueKind.Null
            ? SentenceText(responses)
            : report.TryGetProperty("answer", out var answer) ? SentenceText(answer) : null;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        string team = hasMetadata && metadata.TryGetProperty("team_id", out var teamValue) ? ScalarText(teamValue) ?? string.Empty : string.Empty;
        string run = hasMetadata && metadata.TryGetProperty("run_id", out var runValue) ? ScalarText(runValue) ?? string.Empty : string.Empty;
        identity = new ReportIdentity(topic, text, team, run);
        return true;
    }

    /// <summary>Reads a report line held as a mutable JSON object (same rules as the <see cref="JsonElement"/> overload).</summary>
    public static bool TryRead(JsonObject report, out ReportIdentity identity)
    {
        using var document = JsonDocument.Parse(report.ToJsonString());
        return TryRead(document.RootElement, out identity);
    }

    /// <summary>Parses one JSONL line and reads it; false for invalid JSON or when it has no topic or text.</summary>
    public static bool TryRead(ReadOnlySpan<byte> utf8Line, out ReportIdentity identity)
    {
        identity = null!;
        var reader = new Utf8JsonReader(utf8Line, new JsonReaderOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        JsonDocument document;
        try
        {
            if (!JsonDocument.TryParseValue(ref reader, out document!))
            {
                return false;
            }
        }
        catch (JsonException)
        {
            return false;
        }

        using (document)
        {
            return TryRead(document.RootElement, out identity);
        }
    }

    /// <summary>Sentence texts joined by one space; null unless a list of objects with a string <c>text</c> each.</summary>
    private static string? SentenceText(JsonElement sentences)
    {
        if (sentences.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var builder = new StringBuilder();
        bool first = true;
        foreach (var sentence in sentences.EnumerateArray())
        {
            if (sentence.ValueKind != JsonValueKind.Object
                || !sentence.TryGetProperty("text", out var text)
                || text.ValueKind != JsonValueKind.String)
            {
                // Same rule as the anonymizer: a malformed sentence means no fingerprint, so recovery cannot disagree.
                return null;
            }

            if (!first)
            {
                builder.Append(' ');
            }

            builder.Append(text.GetString());
            first = false;
        }

        return builder.ToString();
    }

    /// <summary>Text of a scalar id the way Track Veil's model coerces it: ints in decimal, whole floats without fraction, bools as 1/0.</summary>
    private static string? ScalarText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => "1",
        JsonValueKind.False => "0",
        JsonValueKind.Number => NumberText(value),
        _ => null,
    };

    private static string NumberText(JsonElement value)
    {
        string raw = value.GetRawText();
        if (value.TryGetDouble(out double number) && double.IsFinite(number) && Math.Floor(number) == number && Math.Abs(number) < 1e15)
        {
            return ((long)number).ToString(CultureInfo.InvariantCulture);
        }

        return raw;
    }
}
