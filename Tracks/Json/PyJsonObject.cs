namespace PiiOrleans.Tracks.Json;

/// <summary>A JSON object that keeps key order like a Python dict: a duplicate key keeps its first position and takes the last value.</summary>
internal sealed class PyJsonObject
{
    private readonly List<KeyValuePair<string, object?>> _entries;

    public PyJsonObject(int capacity = 4) => _entries = new List<KeyValuePair<string, object?>>(capacity);

    public int Count => _entries.Count;

    public IReadOnlyList<KeyValuePair<string, object?>> Entries => _entries;

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, out object? value)
    {
        int i = IndexOf(key);
        value = i >= 0 ? _entries[i].Value : null;
        return i >= 0;
    }

    public object? GetValueOrDefault(string key) => TryGetValue(key, out var v) ? v : null;

    /// <summary>Replaces the value in place, or appends the key at the end.</summary>
    public void Set(string key, object? value)
    {
        int i = IndexOf(key);
        if (i >= 0)
        {
            _entries[i] = new KeyValuePair<string, object?>(key, value);
        }
        else
        {
            _entries.Add(new KeyValuePair<string, object?>(key, value));
        }
    }

    public bool Remove(string key)
    {
        int i = IndexOf(key);
        if (i < 0)
        {
            return false;
        }

        _entries.RemoveAt(i);
        return true;
    }

    private int IndexOf(string key)
    {
        var entries = _entries;
        for (int i = 0; i < entries.Count; i++)
        {
            if (string.Equals(entries[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
