using System.Collections.Concurrent;
using PiiOrleans.Tables;

namespace PiiOrleans.Grains.Tables;

/// <summary>
/// This silo's engines, keyed by the digest of the <see cref="TablesEngineSpec"/> that every message carries: a cache,
/// never a channel between grains (a silo that has not seen a job builds its engine from the message). Also pools the
/// batch anonymizers (each keeps a value cache and is not thread-safe) so that batch grains, one activation per batch,
/// keep the benefit of repeated values. Engines built here never allocate pseudonyms (see <c>PseudonymGrain</c>).
/// </summary>
public sealed class TablesEngineCache(ITablesEngineFactory factory)
{
    // Jobs of a silo rarely use more than a couple of configurations at a time; an engine holds the NER session's
    // buffers and caches, so only a few are kept.
    private const int MaxEngines = 4;

    private readonly ConcurrentDictionary<string, Lazy<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    /// <summary>The engine of <paramref name="spec"/>, built on first use.</summary>
    public TablesEngineSetup Get(TablesEngineSpec spec) => EntryOf(spec).Setup;

    /// <summary>Runs <paramref name="work"/> with a batch anonymizer of <paramref name="spec"/>'s engine that no one else uses meanwhile.</summary>
    public T WithAnonymizer<T>(TablesEngineSpec spec, Func<BatchAnonymizer, T> work)
    {
        var entry = EntryOf(spec);
        if (!entry.Idle.TryTake(out var anonymizer))
        {
            anonymizer = new BatchAnonymizer(entry.Setup.Anonymizer);
        }

        try
        {
            return work(anonymizer);
        }
        finally
        {
            entry.Idle.Add(anonymizer);
        }
    }

    private Entry EntryOf(TablesEngineSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var lazy = _entries.GetOrAdd(spec.Digest, _ =>
        {
            _order.Enqueue(spec.Digest);
            return new Lazy<Entry>(() => new Entry(factory.Create(spec)));
        });
        while (_entries.Count > MaxEngines && _order.TryDequeue(out var oldest) && oldest != spec.Digest)
        {
            _entries.TryRemove(oldest, out _);
        }

        return lazy.Value;
    }

    private sealed class Entry(TablesEngineSetup setup)
    {
        public TablesEngineSetup Setup { get; } = setup;

        public ConcurrentBag<BatchAnonymizer> Idle { get; } = [];
    }
}
