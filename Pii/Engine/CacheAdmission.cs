namespace PiiOrleans.Pii.Engine;

/// <summary>
/// Decides whether one stream of values (a table column) is worth caching. Every value cached costs an entry that is
/// kept alive until it rotates out (long enough to be promoted to the GC's oldest generation), which is pure loss for
/// a column whose values never repeat (e-mails, bios). When a window of lookups finds fewer hits than the minimum,
/// caching pauses for a number of values, then one window probes again, so a column whose values start repeating is
/// cached again. Thread-safe; counts are approximate under races, which only moves a decision by a value or two.
/// </summary>
public sealed class CacheAdmission
{
    /// <summary>Lookups per decision.</summary>
    public const int DefaultWindow = 4096;

    private readonly int _window;
    private readonly int _minimumHits;
    private readonly int _pause;
    private int _lookups;
    private int _hits;
    private int _skipsLeft;

    /// <summary>
    /// A policy deciding every <paramref name="window"/> lookups: fewer than <paramref name="minimumHits"/> hits pause
    /// caching for <paramref name="pauseWindows"/> windows of values.
    /// </summary>
    public CacheAdmission(int window = DefaultWindow, int minimumHits = DefaultWindow / 32, int pauseWindows = 16)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(minimumHits);
        ArgumentOutOfRangeException.ThrowIfNegative(pauseWindows);
        _window = window;
        _minimumHits = minimumHits;
        _pause = (int)Math.Min(int.MaxValue, (long)window * pauseWindows);
    }

    /// <summary>True while caching is paused for this stream.</summary>
    public bool Paused => Volatile.Read(ref _skipsLeft) > 0;

    /// <summary>
    /// Whether the next value should be looked up in (and added to) the cache; when true, report the lookup's outcome
    /// with <see cref="Record"/>.
    /// </summary>
    public bool Admit()
    {
        if (Volatile.Read(ref _skipsLeft) <= 0)
        {
            return true;
        }

        Interlocked.Decrement(ref _skipsLeft);
        return false;
    }

    /// <summary>Records the outcome of an admitted lookup; closes the window (and may pause caching) when it is full.</summary>
    public void Record(bool hit)
    {
        if (hit)
        {
            Interlocked.Increment(ref _hits);
        }

        if (Interlocked.Increment(ref _lookups) < _window)
        {
            return;
        }

        var hits = Interlocked.Exchange(ref _hits, 0);
        Interlocked.Exchange(ref _lookups, 0);
        if (hits < _minimumHits)
        {
            Volatile.Write(ref _skipsLeft, _pause);
        }
    }
}
