using System.Collections.Concurrent;
using PiiOrleans.Pii.Anonymization;

namespace PiiOrleans.Pii.Engine;

/// <summary>
/// A bounded, thread-safe cache of anonymizer results keyed by (column, text), so repeated values (tables are full
/// of them) are analysed once. When full it starts a new generation rather than tracking recency per hit.
/// </summary>
internal sealed class AnalysisCache(int capacity, int maxTextLength)
{
    private ConcurrentDictionary<(string Column, string Text), AnonymizerResult> _entries = new();

    /// <summary>True when texts of this length are cached at all (long free text rarely repeats).</summary>
    public bool Accepts(string text) => capacity > 0 && text.Length <= maxTextLength;

    public bool TryGet(string? column, string text, out AnonymizerResult result) =>
        _entries.TryGetValue((column ?? string.Empty, text), out result!);

    public void Add(string? column, string text, AnonymizerResult result)
    {
        var entries = _entries;
        if (entries.Count >= capacity)
        {
            // Replacing the dictionary is atomic for readers; a racing writer may lose one entry, which is harmless.
            entries = new ConcurrentDictionary<(string, string), AnonymizerResult>();
            _entries = entries;
        }

        entries.TryAdd((column ?? string.Empty, text), result);
    }
}
