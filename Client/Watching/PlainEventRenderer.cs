using System.Globalization;
using System.Text.Json;
using PiiOrleans.Grains.Interfaces.Jobs;

namespace PiiOrleans.Client.Watching;

/// <summary>One line per event on a text writer, for logs, pipes and CI (no terminal, or <c>--plain</c>). Never prompts.</summary>
public sealed class PlainEventRenderer(TextWriter output) : IJobEventRenderer
{
    private readonly Dictionary<string, ProgressRate> _rates = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public bool CanPrompt => false;

    /// <inheritdoc />
    public void Render(JobEvent jobEvent)
    {
        var data = jobEvent.Data;
        var line = jobEvent.Kind switch
        {
            JobEventKinds.Started => $"started {Text(data, "type")}",
            JobEventKinds.Progress => FormatProgress(jobEvent),
            JobEventKinds.Question => FormatQuestion(data.Deserialize<JobQuestion>(JobJson.Options)),
            JobEventKinds.Warning => $"warning {Text(data, "code")}: {Text(data, "message")}",
            JobEventKinds.Log => $"log {Text(data, "message")}",
            JobEventKinds.Completed => $"completed (exit code {Text(data, "exitCode")})",
            JobEventKinds.Failed => $"failed (exit code {Text(data, "exitCode")}): {Text(data, "error")}",
            JobEventKinds.Cancelled => "cancelled",
            _ => $"{jobEvent.Kind} {data.GetRawText()}",
        };
        output.WriteLine($"[{jobEvent.Time.ToUniversalTime():HH:mm:ss}] {line}");
        output.Flush();
    }

    /// <inheritdoc />
    public Task<string?> PromptAsync(JobQuestion question, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    /// <inheritdoc />
    public void ReportUnanswered(string jobId, IReadOnlyList<JobQuestion> questions)
    {
        output.WriteLine($"Job {jobId} is waiting for {questions.Count} answer(s) and no terminal is attached to ask:");
        foreach (var question in questions)
        {
            output.WriteLine($"  {FormatQuestion(question)}");
        }

        output.WriteLine("Answer them in an answers file (per key), or run the command in a terminal.");
        output.Flush();
    }

    /// <inheritdoc />
    public void Note(string message)
    {
        output.WriteLine(message);
        output.Flush();
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    internal static string FormatQuestion(JobQuestion? question)
    {
        if (question is null)
        {
            return "question (unreadable)";
        }

        var choices = question.Choices.Count > 0 ? $" [{string.Join('|', question.Choices)}]" : string.Empty;
        var fallback = question.Default is null ? string.Empty : $" (default: {question.Default})";
        var context = question.Context is null ? string.Empty : $" — {question.Context}";
        return $"question {question.Key} ({question.Kind}): {question.Prompt}{choices}{fallback}{context}";
    }

    private string FormatProgress(JobEvent jobEvent)
    {
        var progress = ProgressSnapshot.From(jobEvent);
        var text = $"progress {progress.Scope}";
        if (progress.Done is { } done)
        {
            text += progress.Total is { } total
                ? string.Create(CultureInfo.InvariantCulture, $" {done}/{total} {progress.Unit}")
                : string.Create(CultureInfo.InvariantCulture, $" {done} {progress.Unit}");
            if (!_rates.TryGetValue(progress.Scope, out var rate))
            {
                _rates[progress.Scope] = rate = new ProgressRate();
            }

            if (rate.Update(jobEvent.Time, done) is { } perSecond)
            {
                text += string.Create(CultureInfo.InvariantCulture, $" ({perSecond:0} {progress.Unit}/s)");
            }
        }

        return progress.Message is null ? text : $"{text} — {progress.Message}";
    }

    private static string Text(JsonElement data, string name)
    {
        if (data.ValueKind != JsonValueKind.Object || !data.TryGetProperty(name, out var value))
        {
            return string.Empty;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : value.GetRawText();
    }
}
