using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace PiiOrleans.Runtime.Internal;

/// <summary>
/// One activation of a grain: its instance and its mailbox. A single pump per activation takes calls in arrival
/// order; for a non-reentrant grain a turn lasts until the method's task completes, so calls never overlap.
/// Reentrant grains start calls as they arrive, and all their code runs on an exclusive scheduler, so they
/// interleave at awaits but never run in parallel.
/// </summary>
internal sealed class GrainActivation : IThreadPoolWorkItem
{
    private readonly object gate = new();
    private readonly Queue<GrainCall> pending = new();
    private readonly GrainRuntime runtime;
    private readonly Task? predecessor;
    private readonly TaskScheduler? reentrantScheduler;
    private readonly TaskCompletionSource deactivated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ActivationState state;
    private bool pumping;
    private int inFlight;
    private int load;
    private DeactivationReason? deactivationRequest;
    private CallChainFrame? currentTurn;
    private Grain? grain;
    private long lastActiveMilliseconds;

    public GrainActivation(GrainRuntime runtime, GrainId id, Task? predecessor, StatelessWorkerPool? pool)
    {
        this.runtime = runtime;
        this.predecessor = predecessor;
        Id = id;
        Pool = pool;
        if (id.Class.IsReentrant)
        {
            reentrantScheduler = new ConcurrentExclusiveSchedulerPair().ExclusiveScheduler;
        }

        lastActiveMilliseconds = Environment.TickCount64;
    }

    public GrainId Id { get; }

    public StatelessWorkerPool? Pool { get; }

    /// <summary>Completes when the activation is gone (after OnDeactivateAsync, or a failed activation).</summary>
    public Task Deactivated => deactivated.Task;

    /// <summary>Calls queued or running; read without the lock for routing decisions.</summary>
    public int Load => Volatile.Read(ref load);

    /// <summary>Calls waiting for their turn (an unlocked read: good enough for the queue-length gauge).</summary>
    public int PendingCount => pending.Count;

    public bool IsReentrant => reentrantScheduler is not null;

    /// <summary>True while <paramref name="turn"/> is the turn this non-reentrant activation is executing.</summary>
    public bool IsExecuting(CallChainFrame turn) => ReferenceEquals(Volatile.Read(ref currentTurn), turn);

    /// <summary>Claims an idle, active, non-reentrant activation for a turn on the caller's thread.</summary>
    public bool TryBeginInlineTurn()
    {
        if (reentrantScheduler is not null)
        {
            return false;
        }

        lock (gate)
        {
            // Not pumping means the mailbox is empty, so the call keeps its place in arrival order.
            if (state != ActivationState.Active || pumping || deactivationRequest is not null)
            {
                return false;
            }

            pumping = true;
            load++;
            return true;
        }
    }

    /// <summary>Runs a claimed turn on the caller's thread, with the caller's synchronization context removed.</summary>
    public Task RunInline(GrainMethod method, object?[]? args, CallChainFrame? caller)
    {
        var turn = new CallChainFrame(this, caller);
        Volatile.Write(ref currentTurn, turn);
        var context = SynchronizationContext.Current;
        if (context is not null)
        {
            SynchronizationContext.SetSynchronizationContext(null);
        }

        CallChainFrame.Current = turn;
        try
        {
            return method.Invoke(grain!, args);
        }
        finally
        {
            CallChainFrame.Current = caller;
            if (context is not null)
            {
                SynchronizationContext.SetSynchronizationContext(context);
            }
        }
    }

    /// <summary>Ends a claimed turn; hands queued calls (or a deactivation request) to the pump.</summary>
    public void EndInlineTurn(long started)
    {
        Volatile.Write(ref currentTurn, null);
        Volatile.Write(ref lastActiveMilliseconds, Environment.TickCount64);
        runtime.Metrics.EndCall(Id.Class, started);
        lock (gate)
        {
            load--;
            if (pending.Count == 0 && deactivationRequest is null)
            {
                pumping = false;
                return;
            }
        }

        SchedulePump();
    }

    /// <summary>Waits for a claimed turn that did not complete synchronously, then completes its caller.</summary>
    public async Task FinishInlineTurnAsync(GrainCall call, Task task, long started)
    {
        await task.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        EndInlineTurn(started);
        call.SetOutcome(task);
    }

    /// <summary>Queues a call; false when the activation is going away and the caller must route to a new one.</summary>
    public bool TryEnqueue(GrainCall call)
    {
        lock (gate)
        {
            if (state >= ActivationState.Deactivating)
            {
                return false;
            }

            if (deactivationRequest == DeactivationReason.IdleTimeout)
            {
                deactivationRequest = null;
            }

            pending.Enqueue(call);
            load++;
            if (pumping)
            {
                return true;
            }

            pumping = true;
        }

        SchedulePump();
        return true;
    }

    /// <summary>
    /// Asks for deactivation: <see cref="DeactivationReason.ApplicationRequested"/> happens after the current turn (queued
    /// calls move to a new activation); shutdown drains the queue first.
    /// </summary>
    public void RequestDeactivation(DeactivationReason reason)
    {
        var neverActivated = false;
        lock (gate)
        {
            if (state >= ActivationState.Deactivating)
            {
                return;
            }

            if (state == ActivationState.Created && !pumping)
            {
                state = ActivationState.Deactivated;
                neverActivated = true;
            }
            else
            {
                if (deactivationRequest != DeactivationReason.ApplicationRequested)
                {
                    deactivationRequest = reason;
                }

                if (pumping || inFlight > 0)
                {
                    return;
                }

                pumping = true;
            }
        }

        if (neverActivated)
        {
            runtime.OnDeactivated(this);
            deactivated.TrySetResult();
            return;
        }

        SchedulePump();
    }

    /// <summary>Starts idle deactivation when no call came for <paramref name="ageMilliseconds"/>.</summary>
    public void DeactivateIfIdle(long nowMilliseconds, long ageMilliseconds)
    {
        lock (gate)
        {
            if (state != ActivationState.Active || pumping || inFlight > 0 || pending.Count > 0 || deactivationRequest is not null ||
                nowMilliseconds - Volatile.Read(ref lastActiveMilliseconds) < ageMilliseconds)
            {
                return;
            }

            deactivationRequest = DeactivationReason.IdleTimeout;
            pumping = true;
        }

        SchedulePump();
    }

    void IThreadPoolWorkItem.Execute() => _ = PumpAsync();

    private void SchedulePump()
    {
        if (reentrantScheduler is null)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
        else
        {
            _ = Task.Factory.StartNew(
                static state => ((GrainActivation)state!).PumpAsync(), this, CancellationToken.None, TaskCreationOptions.DenyChildAttach, reentrantScheduler);
        }
    }

    private async Task PumpAsync()
    {
        while (true)
        {
            GrainCall? call = null;
            DeactivationReason reason = default;
            GrainCall[]? forwarded = null;
            lock (gate)
            {
                if (state == ActivationState.Active && inFlight == 0 && deactivationRequest == DeactivationReason.ApplicationRequested)
                {
                    reason = DeactivationReason.ApplicationRequested;
                    forwarded = BeginDeactivationLocked();
                }
                else if (pending.TryDequeue(out call))
                {
                    if (reentrantScheduler is not null)
                    {
                        inFlight++;
                    }
                }
                else if (state == ActivationState.Active && inFlight == 0 && deactivationRequest is { } requested)
                {
                    reason = requested;
                    forwarded = BeginDeactivationLocked();
                }
                else
                {
                    pumping = false;
                    return;
                }
            }

            if (call is null)
            {
                await DeactivateAsync(reason, forwarded!);
                return;
            }

            if (state == ActivationState.Created && !await ActivateAsync(call))
            {
                return;
            }

            if (reentrantScheduler is not null)
            {
                StartReentrantCall(call);
                continue;
            }

            var started = runtime.Metrics.StartCall();
            var task = Invoke(call, isTurn: true);
            if (!task.IsCompleted)
            {
                await task.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            Volatile.Write(ref currentTurn, null);
            Volatile.Write(ref lastActiveMilliseconds, Environment.TickCount64);
            Interlocked.Decrement(ref load);
            runtime.Metrics.EndCall(Id.Class, started);
            call.SetOutcome(task);
        }
    }

    private Task Invoke(GrainCall call, bool isTurn)
    {
        var turn = new CallChainFrame(this, call.Caller);
        if (isTurn)
        {
            Volatile.Write(ref currentTurn, turn);
        }

        CallChainFrame.Current = turn;
        var args = call.Args;
        call.Args = null;
        return call.Method.Invoke(grain!, args);
    }

    private void StartReentrantCall(GrainCall call)
    {
        var started = runtime.Metrics.StartCall();
        var task = Invoke(call, isTurn: false);
        if (task.IsCompleted)
        {
            EndReentrantCall(call, task, started);
        }
        else
        {
            _ = AwaitReentrantCallAsync(call, task, started);
        }
    }

    private async Task AwaitReentrantCallAsync(GrainCall call, Task task, long started)
    {
        await task.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        EndReentrantCall(call, task, started);
    }

    private void EndReentrantCall(GrainCall call, Task task, long started)
    {
        Volatile.Write(ref lastActiveMilliseconds, Environment.TickCount64);
        runtime.Metrics.EndCall(Id.Class, started);
        call.SetOutcome(task);
        bool schedule;
        lock (gate)
        {
            inFlight--;
            load--;
            schedule = inFlight == 0 && deactivationRequest is not null && !pumping;
            if (schedule)
            {
                pumping = true;
            }
        }

        if (schedule)
        {
            SchedulePump();
        }
    }

    private async Task<bool> ActivateAsync(GrainCall first)
    {
        try
        {
            if (predecessor is not null)
            {
                // Like Orleans, a new activation starts only after the previous one finished OnDeactivateAsync (state saved).
                await predecessor.ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext | ConfigureAwaitOptions.SuppressThrowing);
            }

            grain = (Grain)Id.Class.Factory(runtime.Services, null);
            grain.ActivationContext = new Context(this);
            var turn = new CallChainFrame(this, first.Caller);
            Volatile.Write(ref currentTurn, turn);
            CallChainFrame.Current = turn;
            await grain.OnActivateAsync(runtime.StoppingToken);
            Volatile.Write(ref currentTurn, null);
            lock (gate)
            {
                state = ActivationState.Active;
            }

            runtime.Metrics.ActivationAdded();
            return true;
        }
        catch (Exception e)
        {
            Volatile.Write(ref currentTurn, null);
            runtime.Logger.LogWarning(e, "Activation of grain {GrainType} failed with {ExceptionType}; the next call retries.", Id.Class.Name, e.GetType().Name);
            GrainCall[] forwarded;
            lock (gate)
            {
                state = ActivationState.Deactivated;
                forwarded = [.. pending];
                pending.Clear();
                pumping = false;
            }

            runtime.OnDeactivated(this);
            deactivated.TrySetResult();
            first.SetFailure(e);
            foreach (var call in forwarded)
            {
                runtime.Route(call);
            }

            return false;
        }
    }

    private GrainCall[] BeginDeactivationLocked()
    {
        state = ActivationState.Deactivating;
        runtime.OnDeactivating(this);
        GrainCall[] forwarded = [.. pending];
        pending.Clear();
        return forwarded;
    }

    private async Task DeactivateAsync(DeactivationReason reason, GrainCall[] forwarded)
    {
        foreach (var call in forwarded)
        {
            runtime.Route(call);
        }

        CallChainFrame.Current = null;
        using (var timeout = new CancellationTokenSource(runtime.Options.CallTimeout))
        {
            try
            {
                await grain!.OnDeactivateAsync(reason, timeout.Token);
            }
            catch (Exception e)
            {
                runtime.Logger.LogError(e, "OnDeactivateAsync of grain {GrainType} failed with {ExceptionType} (reason {Reason}).", Id.Class.Name, e.GetType().Name, reason);
            }
        }

        runtime.Metrics.ActivationRemoved();
        lock (gate)
        {
            state = ActivationState.Deactivated;
            pumping = false;
        }

        runtime.OnDeactivated(this);
        deactivated.TrySetResult();
    }

    private void RequestDeactivationFromGrain()
    {
        lock (gate)
        {
            if (state < ActivationState.Deactivating)
            {
                deactivationRequest = DeactivationReason.ApplicationRequested;
            }
        }
    }

    private sealed class Context(GrainActivation activation) : GrainActivationContext
    {
        public override string Key => activation.Id.Key;

        public override IGrainFactory GrainFactory => activation.runtime.Factory;

        public override void RequestDeactivation() => activation.RequestDeactivationFromGrain();
    }
}
