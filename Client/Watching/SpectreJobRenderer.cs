using System.Text.Json;
using PiiOrleans.Grains.Interfaces.Jobs;
using Spectre.Console;

namespace PiiOrleans.Client.Watching;

/// <summary>
/// Terminal rendering: a Spectre.Console progress bar per progress scope (with its rate), warnings above the bars, and
/// prompts for questions. The live display is paused while a prompt is open, since Spectre cannot do both at once.
/// </summary>
public sealed class SpectreJobRenderer(IAnsiConsole console) : IJobEventRenderer
{
    private readonly Dictionary<string, ProgressSnapshot> _scopes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ProgressTask> _tasks = new(StringComparer.Ordinal);
    private readonly RateColumn _rate = new();
    private ProgressContext? _context;
    private Task? _display;
    private TaskCompletionSource? _stopDisplay;

    /// <inheritdoc />
    public bool CanPrompt => true;

    /// <inheritdoc />
    public void Render(JobEvent jobEvent)
    {
        switch (jobEvent.Kind)
        {
            case JobEventKinds.Progress:
                var progress = ProgressSnapshot.From(jobEvent);
                _scopes[progress.Scope] = progress;
                UpdateTask(EnsureDisplay(), progress);
                break;
            case JobEventKinds.Started:
                console.MarkupLine($"[grey]started[/] {Markup.Escape(Text(jobEvent.Data, "type"))}");
                break;
            case JobEventKinds.Warning:
                console.MarkupLine($"[yellow]warning[/] {Markup.Escape(Text(jobEvent.Data, "code"))}: {Markup.Escape(Text(jobEvent.Data, "message"))}");
                break;
            case JobEventKinds.Log:
                console.MarkupLine($"[grey]{Markup.Escape(Text(jobEvent.Data, "message"))}[/]");
                break;
            case JobEventKinds.Completed:
                CompleteTasks();
                StopDisplay();
                console.MarkupLine("[green]completed[/]");
                break;
            case JobEventKinds.Failed:
                StopDisplay();
                console.MarkupLine($"[red]failed[/] (exit code {Markup.Escape(Text(jobEvent.Data, "exitCode"))}): {Markup.Escape(Text(jobEvent.Data, "error"))}");
                break;
            case JobEventKinds.Cancelled:
                StopDisplay();
                console.MarkupLine("[yellow]cancelled[/]");
                break;
        }
    }

    /// <inheritdoc />
    public async Task<string?> PromptAsync(JobQuestion question, CancellationToken cancellationToken)
    {
        StopDisplay();
        if (question.Context is not null)
        {
            console.MarkupLine($"[grey]{Markup.Escape(question.Context)}[/]");
        }

        var title = $"[bold]{Markup.Escape(question.Prompt)}[/] [grey]({Markup.Escape(question.Key)})[/]";
        if (question.Choices.Count > 0)
        {
            var choices = question.Choices.ToList();
            if (question.Default is { } preferred && choices.Remove(preferred))
            {
                choices.Insert(0, preferred); // the highlighted first entry is the default
            }

            return await new SelectionPrompt<string>().Title(title).AddChoices(choices).ShowAsync(console, cancellationToken);
        }

        var prompt = new TextPrompt<string>(title);
        if (question.Default is not null)
        {
            prompt.DefaultValue(question.Default);
        }

        return await prompt.ShowAsync(console, cancellationToken);
    }

    /// <inheritdoc />
    public void ReportUnanswered(string jobId, IReadOnlyList<JobQuestion> questions)
    {
        StopDisplay();
        console.MarkupLine($"[yellow]Job {Markup.Escape(jobId)} is waiting for {questions.Count} answer(s):[/]");
        foreach (var question in questions)
        {
            console.WriteLine($"  {PlainEventRenderer.FormatQuestion(question)}");
        }
    }

    /// <inheritdoc />
    public void Note(string message)
    {
        console.MarkupLine($"[grey]{Markup.Escape(message)}[/]");
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        StopDisplay();
        return ValueTask.CompletedTask;
    }

    private ProgressContext EnsureDisplay()
    {
        if (_context is not null)
        {
            return _context;
        }

        var ready = new TaskCompletionSource<ProgressContext>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _display = console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), _rate, new SpinnerColumn())
            .StartAsync(async context =>
            {
                ready.SetResult(context);
                await stop.Task.ConfigureAwait(false);
            });
        _stopDisplay = stop;
        _context = ready.Task.GetAwaiter().GetResult();
        // A display restarted after a prompt shows every scope again at its last value.
        foreach (var scope in _scopes.Values)
        {
            UpdateTask(_context, scope);
        }

        return _context;
    }

    private void UpdateTask(ProgressContext context, ProgressSnapshot progress)
    {
        if (!_tasks.TryGetValue(progress.Scope, out var task))
        {
            task = context.AddTask(Markup.Escape(progress.Scope), autoStart: true, maxValue: progress.Total ?? 100);
            _rate.SetUnit(task, progress.Unit);
            _tasks[progress.Scope] = task;
        }

        if (progress.Total is { } total && total > 0)
        {
            task.IsIndeterminate = false;
            task.MaxValue = total;
        }
        else
        {
            task.IsIndeterminate = true;
        }

        if (progress.Done is { } done)
        {
            task.Value = done;
        }

        if (progress.Message is not null)
        {
            task.Description = Markup.Escape($"{progress.Scope}: {progress.Message}");
        }
    }

    private void CompleteTasks()
    {
        foreach (var task in _tasks.Values)
        {
            if (task.IsIndeterminate)
            {
                task.IsIndeterminate = false;
                task.Value = task.MaxValue;
            }

            task.StopTask();
        }
    }

    private void StopDisplay()
    {
        if (_stopDisplay is null)
        {
            return;
        }

        _stopDisplay.TrySetResult();
        _display?.GetAwaiter().GetResult();
        _stopDisplay = null;
        _display = null;
        _context = null;
        _tasks.Clear();
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
