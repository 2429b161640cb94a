using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PiiOrleans.Runtime.Internal;

/// <summary>
/// The silo's grain runtime: the catalog of activations, call routing with deadlock detection, the idle
/// collector and shutdown. One per host (a singleton).
/// </summary>
internal sealed class GrainRuntime : IDisposable
{
    private const int MaxInlineDepth = 16;

    private readonly ConcurrentDictionary<GrainId, GrainActivation> catalog = new();
    private readonly ConcurrentDictionary<GrainId, GrainActivation> retiring = new();
    private readonly ConcurrentDictionary<GrainId, StatelessWorkerPool> workerPools = new();
    private readonly ConcurrentDictionary<GrainActivation, byte> activations = new();
    private readonly CancellationTokenSource stopping = new();
    private Timer? idleCollector;

    public GrainRuntime(IOptions<GrainRuntimeOptions> options, IServiceProvider services, IMeterFactory meterFactory, ILogger<GrainRuntime> logger)
    {
        Options = options.Value;
        if (Options.CallTimeout <= TimeSpan.Zero && Options.CallTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new GrainRegistrationException($"GrainRuntime:CallTimeout must be positive (it is {Options.CallTimeout}); set it in the GrainRuntime configuration section.");
        }

        Services = services;
        Logger = logger;
        Registry = GrainTypeRegistry.Build(Options.GrainAssemblies);
        Metrics = new GrainRuntimeMetrics(meterFactory, () => activations.Keys.Sum(a => (long)a.PendingCount));
        Factory = new GrainFactory(this);
    }

    public GrainRuntimeOptions Options { get; }

    public IServiceProvider Services { get; }

    public ILogger Logger { get; }

    public GrainTypeRegistry Registry { get; }

    public GrainRuntimeMetrics Metrics { get; }

    public GrainFactory Factory { get; }

    public bool IsStopping => stopping.IsCancellationRequested;

    /// <summary>Cancelled when the silo starts stopping; handed to OnActivateAsync.</summary>
    public CancellationToken StoppingToken => stopping.Token;

    /// <summary>Number of live activations (all states before Deactivated), for tests and diagnostics.</summary>
    public int ActivationCount => activations.Count;

    public void Start()
    {
        var interval = Options.IdleCollectionInterval;
        if (interval > TimeSpan.Zero)
        {
            idleCollector = new Timer(static state => ((GrainRuntime)state!).CollectIdle(), this, interval, interval);
        }
    }

    /// <summary>Returns the deadlock a call from <paramref name="caller"/> to <paramref name="target"/> would cause, or null.</summary>
    public GrainDeadlockException? FindDeadlock(CallChainFrame? caller, GrainReference target)
    {
        if (caller is null || target.Interface.Class.IsReentrant || target.Interface.Class.IsStatelessWorker)
        {
            return null;
        }

        return FindCycle(caller, target.Id) is { } cycle ? new GrainDeadlockException(cycle) : null;
    }

    /// <summary>
    /// Claims the target's activation for a turn on the caller's thread when it is idle, or returns null (the call is queued).
    /// Not from inside a custom task scheduler (a reentrant grain's turn) and not on deep call chains, to keep stacks short.
    /// </summary>
    public GrainActivation? TryClaimIdleActivation(GrainReference target, CallChainFrame? caller)
    {
        if ((caller is not null && caller.Depth >= MaxInlineDepth) || TaskScheduler.Current != TaskScheduler.Default)
        {
            return null;
        }

        if (target.Interface.Class.IsStatelessWorker)
        {
            return workerPools.TryGetValue(target.Id, out var pool) ? pool.TryClaimIdleWorker() : null;
        }

        return target.CachedActivation is { } cached && cached.TryBeginInlineTurn() ? cached : null;
    }

    /// <summary>Delivers a call to its activation, creating one when needed.</summary>
    public void Route(GrainCall call)
    {
        var target = call.Target;
        if (target.Interface.Class.IsStatelessWorker)
        {
            var pool = workerPools.GetOrAdd(target.Id, static (id, runtime) => new StatelessWorkerPool(runtime, id), this);
            if (!pool.TryDispatch(call))
            {
                call.SetFailure(StoppingException(call));
            }

            return;
        }

        if (target.CachedActivation is { } cached && cached.TryEnqueue(call))
        {
            return;
        }

        while (true)
        {
            if (!catalog.TryGetValue(target.Id, out var activation))
            {
                if (IsStopping)
                {
                    call.SetFailure(StoppingException(call));
                    return;
                }

                retiring.TryGetValue(target.Id, out var previous);
                var created = new GrainActivation(this, target.Id, previous?.Deactivated, pool: null);
                activation = catalog.GetOrAdd(target.Id, created);
                if (ReferenceEquals(activation, created))
                {
                    Track(created);
                }
            }

            if (activation.TryEnqueue(call))
            {
                target.CachedActivation = activation;
                return;
            }

            // The activation is going away: drop it from the catalog (it may not have done so yet) and route again.
            catalog.TryRemove(new KeyValuePair<GrainId, GrainActivation>(target.Id, activation));
        }
    }

    public void Track(GrainActivation activation) => activations.TryAdd(activation, 0);

    /// <summary>Called under the activation's lock when it starts deactivating: new calls go to a fresh activation that waits for this one.</summary>
    public void OnDeactivating(GrainActivation activation)
    {
        if (activation.Pool is null)
        {
            retiring[activation.Id] = activation;
            catalog.TryRemove(new KeyValuePair<GrainId, GrainActivation>(activation.Id, activation));
        }
    }

    public void OnDeactivated(GrainActivation activation)
    {
        if (activation.Pool is { } pool)
        {
            pool.Remove(activation);
        }
        else
        {
            catalog.TryRemove(new KeyValuePair<GrainId, GrainActivation>(activation.Id, activation));
            retiring.TryRemove(new KeyValuePair<GrainId, GrainActivation>(activation.Id, activation));
        }

        activations.TryRemove(activation, out _);
    }

    /// <summary>Deactivates every activation (running OnDeactivateAsync) and refuses new activations.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        stopping.Cancel();
        idleCollector?.Dispose();
        idleCollector = null;
        try
        {
            // Deactivations can forward queued calls to activations that already exist; repeat until none remain.
            while (!activations.IsEmpty)
            {
                var remaining = activations.Keys.ToArray();
                foreach (var activation in remaining)
                {
                    activation.RequestDeactivation(DeactivationReason.ShuttingDown);
                }

                await Task.WhenAll(remaining.Select(a => a.Deactivated)).WaitAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            Logger.LogWarning("The host's shutdown timeout ended before {Count} grain activations finished deactivating.", activations.Count);
        }
    }

    // The stopping source is not disposed: late callers may still read IsStopping and the token after the host is gone.
    public void Dispose() => idleCollector?.Dispose();

    private void CollectIdle()
    {
        var now = Environment.TickCount64;
        var age = (long)Options.IdleDeactivationAge.TotalMilliseconds;
        foreach (var activation in activations.Keys)
        {
            activation.DeactivateIfIdle(now, age);
        }
    }

    private static List<string>? FindCycle(CallChainFrame chain, GrainId target)
    {
        for (var frame = chain; frame is not null; frame = frame.Parent)
        {
            // Only a turn that is still running blocks the target: work a finished turn left behind (Task.Run, fire-and-forget) may call back.
            if (frame.Activation.Id == target && !frame.Activation.IsReentrant && frame.Activation.IsExecuting(frame))
            {
                var cycle = new List<string>();
                for (var f = chain; f is not null; f = f.Parent)
                {
                    cycle.Add(f.Activation.Id.ToString());
                }

                cycle.Reverse();
                cycle.Add(target.ToString());
                return cycle;
            }
        }

        return null;
    }

    private static InvalidOperationException StoppingException(GrainCall call) =>
        new($"The grain runtime is stopping; the call {call.Method.Name} to grain {call.Target.Id.Class.Name} was not delivered.");
}
