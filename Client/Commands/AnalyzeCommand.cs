using System.CommandLine;
using System.Text.Json;
using PiiOrleans.Grains.Interfaces.Jobs;
using PiiOrleans.Pii.Detection;

namespace PiiOrleans.Client.Commands;

/// <summary>
/// <c>piiorleans analyze</c>: detects PII in <c>--text</c> (prints a JSON array) or in a JSONL file (<c>--input</c>,
/// <c>--output</c>), in-process. Offsets are UTF-16 indices, end exclusive.
/// </summary>
public static class AnalyzeCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(ClientEnvironment environment)
    {
        var shared = new AnalyzeEngineOptions();
        var text = new Option<string?>("--text", "-t") { Description = "Text to analyze." };
        var input = new Option<string?>("--input", "-i") { Description = "JSONL file: one {\"id\", \"text\"} object per line." };
        var output = new Option<string?>("--output", "-o") { Description = "JSONL output file (default: standard output)." };
        var command = new Command("analyze", "Detect PII entities in a text or a JSONL file (runs in-process).") { text, input, output };
        shared.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => environment.GuardAsync(
            async () =>
            {
                var (single, file) = InputOf(parseResult, text, input);
                var engine = shared.CreateEngine(parseResult, environment.Error);
                var entities = shared.EntitiesFrom(parseResult);
                var threshold = shared.ThresholdFrom(parseResult);
                if (single is not null)
                {
                    using var stream = new MemoryStream();
                    using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
                    {
                        WriteResults(writer, engine.Analyze(single, null, entities, threshold));
                    }

                    await environment.Output.WriteLineAsync(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
                    return JobExitCodes.Success;
                }

                await AnalyzeJsonLines.ProcessAsync(file!, parseResult.GetValue(output), environment.Output, (writer, value) =>
                {
                    writer.WritePropertyName("results");
                    WriteResults(writer, engine.Analyze(value, null, entities, threshold));
                }, cancellationToken);
                return JobExitCodes.Success;
            },
            cancellationToken));
        return command;
    }

    /// <summary>The single text or the input file; exactly one must be given.</summary>
    internal static (string? Text, string? File) InputOf(ParseResult parseResult, Option<string?> text, Option<string?> input)
    {
        var single = parseResult.GetValue(text);
        var file = parseResult.GetValue(input);
        return (single is null) == (file is null)
            ? throw new ClientUsageException("Give either --text \"…\" or --input FILE.jsonl (not both).")
            : (single, file);
    }

    private static void WriteResults(Utf8JsonWriter writer, IReadOnlyList<RecognizerResult> results)
    {
        writer.WriteStartArray();
        foreach (var r in results)
        {
            writer.WriteStartObject();
            writer.WriteString("entity_type", r.EntityType);
            writer.WriteNumber("start", r.Start);
            writer.WriteNumber("end", r.End);
            writer.WriteNumber("score", Math.Round(r.Score, 4));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
