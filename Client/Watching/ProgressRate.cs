namespace PiiOrleans.Client.Watching;

/// <summary>Units per second of one progress scope, measured from the first report seen to the latest (event times).</summary>
internal sealed class ProgressRate
{
    private DateTimeOffset _firstTime;
    private long _firstDone = -1;

    public double? Update(DateTimeOffset time, long done)
    {
        if (_firstDone < 0)
        {
            _firstTime = time;
            _firstDone = done;
            return null;
        }

        var seconds = (time - _firstTime).TotalSeconds;
        return seconds > 0 ? (done - _firstDone) / seconds : null;
    }
}
