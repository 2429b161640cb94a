using System.Globalization;
using System.Text;
using PiiOrleans.Tracks.Json;

namespace PiiOrleans.Tracks.Records;

/// <summary>
/// Resolves a report's topic id and text for fingerprints, leniently (LIMIT-6/-7 fixed): topic from
/// <c>metadata.topic_id</c>, <c>narrative_id</c> or <c>request_id</c>; text = sentence texts of <c>responses</c>/<c>answer</c> joined by a space.
/// </summary>
internal static class ReportTopicText
{
    public static (string Topic, string Text) Resolve(PyJsonObject report, PyJsonObject meta)
    {
        string topic = TopicText(meta.GetValueOrDefault("topic_id"))
            ?? TopicText(meta.GetValueOrDefault("narrative_id"))
            ?? TopicText(meta.GetValueOrDefault("request_id"))
            ?? string.Empty;
        object? sentences = report.GetValueOrDefault("responses") ?? report.GetValueOrDefault("answer");
        if (sentences is not List<object?> list)
        {
            return (topic, string.Empty);
        }

        var sb = new StringBuilder();
        bool first = true;
        foreach (object? s in list)
        {
            if (s is not PyJsonObject o || o.GetValueOrDefault("text") is not string text)
            {
                return (topic, string.Empty);
            }

            if (!first)
            {
                sb.Append(' ');
            }

            sb.Append(text);
            first = false;
        }

        return (topic, sb.ToString());
    }

    private static string? TopicText(object? value) => value switch
    {
        string s => s,
        bool b => b ? "1" : "0",
        PyJsonNumber { IsFloat: false } n => n.Raw,
        PyJsonNumber n when double.TryParse(n.Raw, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && d == Math.Floor(d) && !double.IsInfinity(d)
            => ((decimal)d).ToString(CultureInfo.InvariantCulture),
        _ => null,
    };
}
