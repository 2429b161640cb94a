using System.CommandLine;
using System.Text.Json;
using PiiOrleans.Grains.Interfaces.Jobs;
using PiiOrleans.Pii.Anonymization;

namespace PiiOrleans.Client.Commands;

/// <summary>
/// <c>piiorleans anonymize</c>: anonymizes <c>--text</c> (prints <c>{"text", "items"}</c>) or a JSONL file
/// (<c>{"id", "text", "items"}</c> per line) with the configured operators, in-process.
/// </summary>
public static class AnonymizeCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(ClientEnvironment environment)
    {
        var shared = new AnalyzeEngineOptions();
        var text = new Option<string?>("--text", "-t") { Description = "Text to anonymize." };
        var input = new Option<string?>("--input", "-i") { Description = "JSONL file: one {\"id\", \"text\"} object per line." };
        var output = new Option<string?>("--output", "-o") { Description = "JSONL output file (default: standard output)." };
        var textOnly = new Option<bool>("--text-only") { Description = "With --text: print only the anonymized text." };
        var command = new Command("anonymize", "Anonymize PII in a text or a JSONL file with the configured operators (runs in-process).")
        {
            text, input, output, textOnly,
        };
        shared.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => environment.GuardAsync(
            async () =>
            {
                var (single, file) = AnalyzeCommand.InputOf(parseResult, text, input);
                var threshold = shared.ThresholdFrom(parseResult);
                var entities = shared.EntitiesFrom(parseResult);
                var engine = shared.CreateEngine(parseResult, environment.Error);
                if (single is not null)
                {
                    var result = engine.AnonymizeFiltered(single, entities, threshold);
                    if (parseResult.GetValue(textOnly))
                    {
                        await environment.Output.WriteLineAsync(result.Text);
                        return JobExitCodes.Success;
                    }

                    using var stream = new MemoryStream();
                    using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions
                    {
                        Indented = true,
                        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
                    }))
                    {
                        writer.WriteStartObject();
                        WriteResult(writer, result);
                        writer.WriteEndObject();
                    }

                    await environment.Output.WriteLineAsync(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
                    return JobExitCodes.Success;
                }

                await AnalyzeJsonLines.ProcessAsync(file!, parseResult.GetValue(output), environment.Output,
                    (writer, value) => WriteResult(writer, engine.AnonymizeFiltered(value, entities, threshold)), cancellationToken);
                return JobExitCodes.Success;
            },
            cancellationToken));
        return command;
    }

    private static void WriteResult(Utf8JsonWriter writer, AnonymizerResult result)
    {
        writer.WriteString("text", result.Text);
        writer.WritePropertyName("items");
        writer.WriteStartArray();
        foreach (var item in result.Items)
        {
            writer.WriteStartObject();
            writer.WriteString("entity_type", item.EntityType);
            writer.WriteNumber("start", item.Start);
            writer.WriteNumber("end", item.End);
            writer.WriteString("operator", item.Operator);
            writer.WriteString("text", item.Text);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
