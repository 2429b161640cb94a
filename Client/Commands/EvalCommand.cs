using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using PiiOrleans.Grains.Interfaces.Jobs;
using PiiOrleans.Pii.Detection;
using PiiOrleans.Pii.Evaluation;

namespace PiiOrleans.Client.Commands;

/// <summary>
/// <c>piiorleans eval --input labelled.json</c>: span-level precision, recall and F2 per entity of the in-process
/// engine on a presidio-research labelled file, printed as a table.
/// </summary>
public static class EvalCommand
{
    private const int EvalBatchSize = 256;

    /// <summary>Creates the command.</summary>
    public static Command Create(ClientEnvironment environment)
    {
        var shared = new AnalyzeEngineOptions();
        var input = new Option<string>("--input", "-i")
        {
            Description = "Labelled samples in the presidio-research JSON format (full_text + spans).",
            Required = true,
        };
        var command = new Command("eval", "Measure detection quality (span precision/recall/F2 per entity) on a labelled file.") { input };
        shared.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => environment.GuardAsync(
            async () =>
            {
                var path = parseResult.GetRequiredValue(input);
                if (!File.Exists(path))
                {
                    throw new ClientUsageException($"The labelled file '{path}' does not exist; give a presidio-research JSON file.");
                }

                IReadOnlyList<LabelledSample> samples;
                try
                {
                    samples = PresidioResearchDataset.Load(path);
                }
                catch (Exception e) when (e is System.Text.Json.JsonException or InvalidDataException or FormatException)
                {
                    throw new ClientUsageException($"{path}: not a presidio-research labelled file ({e.Message}).");
                }

                var engine = shared.CreateEngine(parseResult, environment.Error);
                var entities = shared.EntitiesFrom(parseResult);
                var threshold = shared.ThresholdFrom(parseResult);
                var clock = Stopwatch.StartNew();
                // Batches of texts, as the pipelines run the model (and several times faster than one at a time).
                var predicted = new Dictionary<string, List<RecognizerResult>>(StringComparer.Ordinal);
                foreach (var chunk in samples.Select(s => s.Text).Distinct(StringComparer.Ordinal).Chunk(EvalBatchSize))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var results = engine.AnalyzeBatch(chunk, entities, threshold);
                    for (var k = 0; k < chunk.Length; k++)
                    {
                        predicted[chunk[k]] = results[k];
                    }
                }

                var report = SpanEvaluator.Evaluate(samples, text => predicted[text], entities?.ToHashSet(StringComparer.Ordinal));
                clock.Stop();
                await environment.Output.WriteAsync(report.RenderTable());
                await environment.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{samples.Count} texts in {clock.Elapsed.TotalSeconds:F2} s ({samples.Count / Math.Max(clock.Elapsed.TotalSeconds, 1e-9):F0} texts/s)"));
                return JobExitCodes.Success;
            },
            cancellationToken));
        return command;
    }
}
