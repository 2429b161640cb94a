using System.Collections.Concurrent;
using System.Reflection;

namespace PiiOrleans.Runtime.Internal;

/// <summary>Hands out grain proxies, one per (interface, key), created on first request and cached.</summary>
internal sealed class GrainFactory(GrainRuntime runtime) : IGrainFactory
{
    // Bounded so a job with millions of keys cannot grow the cache without limit; a dropped proxy is simply recreated.
    private const int MaxCachedProxies = 100_000;

    private readonly ConcurrentDictionary<(Type Interface, string Key), object> proxies = new();

    public TGrainInterface GetGrain<TGrainInterface>(string key) where TGrainInterface : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(key);
        if (proxies.TryGetValue((typeof(TGrainInterface), key), out var cached))
        {
            return (TGrainInterface)cached;
        }

        if (proxies.Count >= MaxCachedProxies)
        {
            proxies.Clear();
        }

        return (TGrainInterface)proxies.GetOrAdd((typeof(TGrainInterface), key), static (id, runtime) => CreateProxy<TGrainInterface>(runtime, id.Key), runtime);
    }

    private static object CreateProxy<TGrainInterface>(GrainRuntime runtime, string key)
    {
        var proxy = DispatchProxy.Create<TGrainInterface, GrainProxy>()!;
        ((GrainProxy)(object)proxy).Reference = new GrainReference(runtime, runtime.Registry.Get(typeof(TGrainInterface)), key);
        return proxy;
    }
}
