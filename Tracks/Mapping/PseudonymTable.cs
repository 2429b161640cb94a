using PiiOrleans.Tracks.Mapping;

namespace PiiOrleans.Tracks.Mapping;

/// <summary>
/// The in-memory state of one kind (teams or runs): every mapping, the names in use, the pool cursor, and the rows not
/// yet written. Allocation follows Track Veil's get_or_create: next pool name, and a name already used by another
/// original is recorded as invalidated and skipped.
/// </summary>
internal sealed class PseudonymTable(PseudonymKind kind, PseudonymPool pool, int poolIndex, int limit)
{
    private readonly Dictionary<string, string> _byOriginal = new(StringComparer.Ordinal);
    private readonly HashSet<string> _usedNames = new(StringComparer.Ordinal);
    private readonly List<MappingPair> _ordered = [];

    public PseudonymKind Kind { get; } = kind;

    public PseudonymPool Pool { get; } = pool;

    /// <summary>Next unused pool position (Track Veil's <c>*_pool_index</c>).</summary>
    public int PoolIndex { get; private set; } = poolIndex;

    /// <summary>Positions at or past this cannot be handed out (pool capacity, or Track Veil's size without extension).</summary>
    public int Limit { get; } = limit;

    public IReadOnlyList<MappingPair> Ordered => _ordered;

    public int Count => _ordered.Count;

    public List<(string Original, string Anonymized, string CreatedAt)> PendingRows { get; } = [];

    public List<(string Name, string InvalidatedAt)> PendingInvalidated { get; } = [];

    /// <summary>Adds a mapping read from the database.</summary>
    public void Load(string original, string anonymized)
    {
        if (_byOriginal.TryAdd(original, anonymized))
        {
            _usedNames.Add(anonymized);
            _ordered.Add(new MappingPair(original, anonymized));
        }
    }

    public string? Find(string original) => _byOriginal.GetValueOrDefault(original);

    /// <summary>Returns the existing pseudonym or allocates the next free pool name; null when the pool is exhausted.</summary>
    public string? GetOrCreate(string original)
    {
        if (_byOriginal.TryGetValue(original, out var existing))
        {
            return existing;
        }

        while (PoolIndex < Limit)
        {
            string name = Pool[PoolIndex++];
            string now = PythonIsoTimestamp.Now();
            if (!_usedNames.Add(name))
            {
                // Track Veil's UNIQUE-collision path: the name belongs to another original (e.g. the index was reset).
                PendingInvalidated.Add((name, now));
                continue;
            }

            _byOriginal.Add(original, name);
            _ordered.Add(new MappingPair(original, name));
            PendingRows.Add((original, name, now));
            return name;
        }

        return null;
    }

    /// <summary>Simulates allocation of <paramref name="originals"/> without changing anything.</summary>
    public List<MappingPair> Preview(IEnumerable<string> originals, out int newNames, out int endIndex)
    {
        var result = new List<MappingPair>();
        var planned = new Dictionary<string, string>(StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        int index = PoolIndex;
        newNames = 0;
        foreach (var original in originals)
        {
            if (!_byOriginal.TryGetValue(original, out var name) && !planned.TryGetValue(original, out name))
            {
                name = null;
                while (index < Limit)
                {
                    string candidate = Pool[index++];
                    if (!_usedNames.Contains(candidate) && taken.Add(candidate))
                    {
                        name = candidate;
                        break;
                    }
                }

                if (name is null)
                {
                    // Exhausted: count it as needed but unnamed; callers check newNames against the available count.
                    newNames++;
                    planned[original] = string.Empty;
                    result.Add(new MappingPair(original, string.Empty));
                    continue;
                }

                newNames++;
                planned[original] = name;
            }

            result.Add(new MappingPair(original, name));
        }

        endIndex = index;
        return result;
    }

    /// <summary>How many names are still free from the cursor up to <see cref="Limit"/>, counting at most <paramref name="cap"/>.</summary>
    public int CountAvailable(int cap, out int endIndex)
    {
        int available = 0;
        int index = PoolIndex;
        while (available < cap && index < Limit)
        {
            if (!_usedNames.Contains(Pool[index++]))
            {
                available++;
            }
        }

        endIndex = index;
        return available;
    }

    public void ClearPending()
    {
        PendingRows.Clear();
        PendingInvalidated.Clear();
    }
}
