using System.Text;
using System.Text.Json;

namespace PiiOrleans.Client.Commands;

/// <summary>
/// Streams a JSONL file of <c>{"id": …, "text": "…"}</c> lines into an output JSONL file, one output line per input line,
/// written to a temporary file and renamed at the end (never a half-written output). Errors name the file and line.
/// </summary>
public static class AnalyzeJsonLines
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Reads <paramref name="inputPath"/> and writes <paramref name="outputPath"/> (standard output when null); for each
    /// line <paramref name="writeResult"/> writes the fields after <c>id</c>. Returns the number of lines processed.
    /// </summary>
    public static async Task<int> ProcessAsync(string inputPath, string? outputPath, TextWriter standardOutput,
        Action<Utf8JsonWriter, string> writeResult, CancellationToken cancellationToken)
    {
        if (!File.Exists(inputPath))
        {
            throw new ClientUsageException($"The input file '{inputPath}' does not exist; give a JSONL file with one {{\"id\", \"text\"}} object per line.");
        }

        string? temporary = null;
        Stream output;
        if (outputPath is null)
        {
            output = new MemoryStream();
        }
        else
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(outputPath))!;
            if (!Directory.Exists(directory))
            {
                throw new ClientUsageException($"The output directory '{directory}' does not exist; create it or choose another --output.");
            }

            temporary = Path.Combine(directory, $".{Path.GetFileName(outputPath)}.{Environment.ProcessId}.tmp");
            output = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        }

        var lines = 0;
        try
        {
            await using (output.ConfigureAwait(false))
            {
                using var reader = new StreamReader(inputPath, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
                var lineNumber = 0;
                var buffer = new System.Buffers.ArrayBufferWriter<byte>(4096);
                while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
                {
                    lineNumber++;
                    if (string.IsNullOrWhiteSpace(line))
                    {
                        continue;
                    }

                    var (id, text) = Parse(line, inputPath, lineNumber);
                    buffer.ResetWrittenCount();
                    using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
                    {
                        writer.WriteStartObject();
                        writer.WritePropertyName("id");
                        if (id is { } element)
                        {
                            element.WriteTo(writer);
                        }
                        else
                        {
                            writer.WriteNullValue();
                        }

                        writeResult(writer, text);
                        writer.WriteEndObject();
                    }

                    if (outputPath is null)
                    {
                        await standardOutput.WriteLineAsync(Encoding.UTF8.GetString(buffer.WrittenSpan)).ConfigureAwait(false);
                    }
                    else
                    {
                        await output.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
                        output.WriteByte((byte)'\n');
                    }

                    lines++;
                }
            }

            if (temporary is not null)
            {
                File.Move(temporary, outputPath!, overwrite: true);
            }
        }
        finally
        {
            if (temporary is not null && File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }

        return lines;
    }

    private static (JsonElement? Id, string Text) Parse(string line, string path, int lineNumber)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
            {
                throw new ClientUsageException($"{path} line {lineNumber}: expected an object with a string \"text\" (and an \"id\"); fix or remove the line.");
            }

            JsonElement? id = root.TryGetProperty("id", out var value) ? value.Clone() : null;
            return (id, text.GetString()!);
        }
        catch (JsonException)
        {
            throw new ClientUsageException($"{path} line {lineNumber}: not valid JSON; each line must be one {{\"id\", \"text\"}} object.");
        }
    }
}
