using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace PiiOrleans.Client.Watching;

/// <summary>A progress column showing the task's speed in its own unit (rows/s, files/s), kept in the task's state.</summary>
internal sealed class RateColumn : ProgressColumn
{
    public const string UnitKey = "unit";

    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
    {
        var unit = task.State.Get<string>(UnitKey) ?? "items";
        var speed = task.Speed;
        return speed is null
            ? new Text(string.Empty)
            : new Text(string.Create(CultureInfo.InvariantCulture, $"{speed.Value:N0} {unit}/s"), new Style(Color.Grey));
    }
}
