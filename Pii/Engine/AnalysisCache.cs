using System.Collections.Concurrent;
using PiiOrleans.Pii.Anonymization;

namespace PiiOrleans.Pii.Engine;

/// <summary>
/// A bounded, thread-safe cache of anonymizer results keyed by (column, text), so repeated values (tables are full
/// of them) are analysed once. Two generations: when the current one is full it becomes the previous one and the
/// older is dropped; a hit in the previous generation is promoted, so values in use survive a rotation (no thrash).
/// Holds at most twice <c>capacity</c> entries of at most <c>maxTextLength</c> characters. A column whose texts do not
/// repeat stops being cached for a while (<see cref="CacheAdmission"/>).
/// </summary>
internal sealed class AnalysisCache(int capacity, int maxTextLength)
{
    private readonly Lock _rotation = new();
    private readonly ConcurrentDictionary<string, CacheAdmission> _admissions = new(StringComparer.Ordinal);
    private ConcurrentDictionary<(string Column, string Text), AnonymizerResult> _current = new();
    private ConcurrentDictionary<(string Column, string Text), AnonymizerResult> _previous = new();

    // ConcurrentDictionary.Count takes every lock of the table; the entries added to the current generation are
    // counted here instead (approximately under races, which only moves a rotation by an entry or two).
    private int _currentCount;

    /// <summary>
    /// True when <paramref name="text"/> of <paramref name="column"/> is to be looked up and cached: texts of this
    /// length are cached at all (long free text rarely repeats), and the column's texts have been repeating.
    /// </summary>
    public bool Admits(string? column, string text) =>
        capacity > 0 && text.Length <= maxTextLength &&
        _admissions.GetOrAdd(column ?? string.Empty, static _ => new CacheAdmission()).Admit();

    /// <summary>Looks an admitted text up (the outcome counts towards the column's admission).</summary>
    public bool TryGet(string? column, string text, out AnonymizerResult result)
    {
        var key = (column ?? string.Empty, text);
        var found = _current.TryGetValue(key, out result!);
        if (!found && _previous.TryGetValue(key, out result!))
        {
            Add(column, text, result);
            found = true;
        }

        if (_admissions.TryGetValue(key.Item1, out var admission))
        {
            admission.Record(found);
        }

        return found;
    }

    public void Add(string? column, string text, AnonymizerResult result)
    {
        var current = _current;
        if (Volatile.Read(ref _currentCount) >= capacity)
        {
            lock (_rotation)
            {
                // Another writer may have rotated already; a racing writer may lose one entry, which is harmless.
                if (ReferenceEquals(current, _current))
                {
                    _previous = current;
                    _current = new ConcurrentDictionary<(string, string), AnonymizerResult>();
                    Volatile.Write(ref _currentCount, 0);
                }

                current = _current;
            }
        }

        if (current.TryAdd((column ?? string.Empty, text), result))
        {
            Interlocked.Increment(ref _currentCount);
        }
    }
}
