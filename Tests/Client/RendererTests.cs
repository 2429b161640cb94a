using System.Text.Json;
using System.Text.RegularExpressions;
using PiiOrleans.Client.Watching;
using PiiOrleans.Grains.Interfaces.Jobs;
using Spectre.Console;

namespace PiiOrleans.Tests.Client;

public sealed class RendererTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static JobEvent Event(long sequence, string kind, object data, double seconds = 0) =>
        new(sequence, kind, Start.AddSeconds(seconds), JsonSerializer.SerializeToElement(data, JobJson.Options));

    [Fact]
    public void Plain_lines_show_progress_with_rate_warnings_and_the_end()
    {
        var output = new StringWriter();
        var renderer = new PlainEventRenderer(output);

        renderer.Render(Event(1, JobEventKinds.Started, new { type = "tables" }));
        renderer.Render(Event(2, JobEventKinds.Progress, new { scope = "table:users", done = 1000, total = 3000, unit = "rows" }));
        renderer.Render(Event(3, JobEventKinds.Progress, new { scope = "table:users", done = 3000, total = 3000, unit = "rows" }, seconds: 2));
        renderer.Render(Event(4, JobEventKinds.Warning, new { code = "W042", message = "column email kept" }));
        renderer.Render(Event(5, JobEventKinds.Failed, new { exitCode = 3, error = "boom" }));

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("[12:00:00] started tables", lines[0]);
        Assert.Equal("[12:00:00] progress table:users 1000/3000 rows", lines[1]);
        Assert.Equal("[12:00:02] progress table:users 3000/3000 rows (1000 rows/s)", lines[2]);
        Assert.Equal("[12:00:00] warning W042: column email kept", lines[3]);
        Assert.Equal("[12:00:00] failed (exit code 3): boom", lines[4]);
    }

    [Fact]
    public async Task The_spectre_renderer_draws_bars_and_the_outcome()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.Yes,
            Interactive = InteractionSupport.Yes,
        });
        await using (var renderer = new SpectreJobRenderer(console))
        {
            renderer.Render(Event(1, JobEventKinds.Started, new { type = "tracks" }));
            renderer.Render(Event(2, JobEventKinds.Progress, new { scope = "files", done = 5, total = 10, unit = "files" }));
            renderer.Render(Event(3, JobEventKinds.Warning, new { code = "W1", message = "[not markup]" }));
            renderer.Render(Event(4, JobEventKinds.Progress, new { scope = "files", done = 10, total = 10, unit = "files" }, 1));
            renderer.Render(Event(5, JobEventKinds.Completed, new { exitCode = 0 }));
        }

        var text = Regex.Replace(output.ToString(), "\u001b\\[[0-9;?]*[A-Za-z]", string.Empty);
        Assert.Contains("started tracks", text);
        Assert.Contains("[not markup]", text);
        Assert.Contains("files", text);
        Assert.Contains("100%", text);
        Assert.Contains("completed", text);
    }
}
