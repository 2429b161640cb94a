using System.Collections.Concurrent;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace PiiOrleans.Client.Watching;

/// <summary>A progress column showing the task's speed in its own unit (rows/s, files/s).</summary>
internal sealed class RateColumn : ProgressColumn
{
    // ProgressTask.State holds only value types, so the units live here, by task id.
    private readonly ConcurrentDictionary<int, string> _units = new();

    public void SetUnit(ProgressTask task, string unit) => _units[task.Id] = unit;

    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
    {
        var unit = _units.GetValueOrDefault(task.Id, "items");
        var speed = task.Speed;
        return speed is null
            ? new Text(string.Empty)
            : new Text(string.Create(CultureInfo.InvariantCulture, $"{speed.Value:N0} {unit}/s"), new Style(Color.Grey));
    }
}
