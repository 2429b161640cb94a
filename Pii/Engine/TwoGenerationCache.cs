namespace PiiOrleans.Pii.Engine;

/// <summary>
/// A bounded cache that keeps what is in use without per-hit bookkeeping: new entries go to the current generation;
/// when it is full it becomes the previous one (the older previous is dropped), and a hit in the previous generation
/// is promoted. Holds at most twice <c>capacity</c> entries. Not thread-safe.
/// </summary>
public sealed class TwoGenerationCache<TKey, TValue>(int capacity)
    where TKey : notnull
{
    private Dictionary<TKey, TValue> _current = new();
    private Dictionary<TKey, TValue> _previous = new();

    /// <summary>Number of entries held (both generations).</summary>
    public int Count => _current.Count + _previous.Count;

    /// <summary>Looks <paramref name="key"/> up, promoting an entry of the previous generation.</summary>
    public bool TryGetValue(TKey key, out TValue value)
    {
        if (_current.TryGetValue(key, out value!))
        {
            return true;
        }

        if (_previous.Remove(key, out value!))
        {
            Add(key, value);
            return true;
        }

        return false;
    }

    /// <summary>Adds or replaces an entry in the current generation.</summary>
    public void Add(TKey key, TValue value)
    {
        if (capacity <= 0)
        {
            return;
        }

        if (_current.Count >= capacity)
        {
            // Reusing the dropped generation's dictionary keeps its buckets: no reallocation per rotation.
            (_previous, _current) = (_current, _previous);
            _current.Clear();
        }

        _current[key] = value;
    }

    /// <summary>Drops every entry.</summary>
    public void Clear()
    {
        _current.Clear();
        _previous.Clear();
    }
}
