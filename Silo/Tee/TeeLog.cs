using System.Text.Json;

namespace PiiOrleans.Silo.Tee;

/// <summary>JSON-lines console log of the TEE job (one object per line: time, level, event, message, fields). No PII.</summary>
public sealed class TeeLog(TextWriter writer)
{
    private readonly Lock _gate = new();

    /// <summary>Writes one log line.</summary>
    public void Write(string level, string eventName, string message, object? fields = null)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("time", DateTimeOffset.UtcNow.ToString("O"));
            json.WriteString("level", level);
            json.WriteString("event", eventName);
            json.WriteString("message", message);
            if (fields is not null)
            {
                json.WritePropertyName("data");
                JsonSerializer.Serialize(json, fields, fields.GetType());
            }

            json.WriteEndObject();
        }

        var line = System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        lock (_gate)
        {
            writer.WriteLine(line);
            writer.Flush();
        }
    }

    /// <summary>An informational line.</summary>
    public void Info(string eventName, string message, object? fields = null) => Write("info", eventName, message, fields);

    /// <summary>An error line.</summary>
    public void Error(string eventName, string message, object? fields = null) => Write("error", eventName, message, fields);
}
