namespace PiiOrleans.Pii.Anonymization;

/// <summary>
/// A thread-safe in-memory <see cref="IPseudonymStore"/>: lock-free reads of existing mappings, serialized
/// creation (which keeps sequence numbers dense and surrogates unique across all entity types).
/// </summary>
public sealed class InMemoryPseudonymStore : IPseudonymStore
{
    private const int MaxAttempts = 1000;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Entity, string Original), string> _forward = new();
    private readonly Dictionary<string, (string Entity, string Original)> _reverse = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _sequences = new(StringComparer.Ordinal);
    private readonly List<PseudonymEntry> _entries = [];
    private readonly Lock _gate = new();

    /// <inheritdoc />
    public int Count => _forward.Count;

    /// <inheritdoc />
    public string GetOrAdd(string entityType, string original, ISurrogateFactory factory)
    {
        if (_forward.TryGetValue((entityType, original), out var existing))
        {
            return existing;
        }

        lock (_gate)
        {
            if (_forward.TryGetValue((entityType, original), out existing))
            {
                return existing;
            }

            var sequence = _sequences.GetValueOrDefault(entityType) + 1;
            for (var attempt = 0; attempt < MaxAttempts; attempt++)
            {
                var candidate = factory.Create(entityType, original, sequence, attempt);

                // A surrogate equal to some original of the job would make two rows collide or read as unmasked.
                if (_reverse.ContainsKey(candidate) || candidate == original || _forward.ContainsKey((entityType, candidate)))
                {
                    continue;
                }

                _reverse.Add(candidate, (entityType, original));
                _sequences[entityType] = sequence;
                _entries.Add(new PseudonymEntry(entityType, original, candidate));
                _forward[(entityType, original)] = candidate;
                return candidate;
            }

            throw new InvalidOperationException(
                $"No unused surrogate for an {entityType} value after {MaxAttempts} attempts; use the placeholder pseudonym mode.");
        }
    }

    /// <inheritdoc />
    public bool TryGetOriginal(string entityType, string surrogate, out string original)
    {
        lock (_gate)
        {
            if (_reverse.TryGetValue(surrogate, out var key) && key.Entity == entityType)
            {
                original = key.Original;
                return true;
            }
        }

        original = string.Empty;
        return false;
    }

    /// <inheritdoc />
    public IReadOnlyList<PseudonymEntry> Snapshot()
    {
        lock (_gate)
        {
            return [.. _entries];
        }
    }
}
