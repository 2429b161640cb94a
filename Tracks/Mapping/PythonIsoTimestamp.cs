using System.Globalization;

namespace PiiOrleans.Tracks.Mapping;

/// <summary>Timestamps as Track Veil writes them: Python <c>datetime.now().isoformat()</c> (local, no zone, no fraction when the microseconds are 0).</summary>
public static class PythonIsoTimestamp
{
    /// <summary>The current local time in Python's isoformat.</summary>
    public static string Now() => Format(DateTime.Now);

    /// <summary>Formats <paramref name="time"/> like Python's <c>isoformat()</c> at microsecond precision.</summary>
    public static string Format(DateTime time)
    {
        long microseconds = time.Ticks / 10 % 1_000_000;
        return microseconds == 0
            ? time.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)
            : time.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "." + microseconds.ToString("D6", CultureInfo.InvariantCulture);
    }
}
