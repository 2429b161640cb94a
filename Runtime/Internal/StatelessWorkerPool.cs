namespace PiiOrleans.Runtime.Internal;

/// <summary>
/// The local activations of one stateless-worker grain key. A call goes to an idle worker, else to a new worker
/// while the pool is below its maximum, else to the least loaded worker.
/// </summary>
internal sealed class StatelessWorkerPool(GrainRuntime runtime, GrainId id)
{
    private readonly object gate = new();
    private readonly List<GrainActivation> workers = [];

    /// <summary>Delivers a call; false when the runtime is stopping and no worker could take it.</summary>
    public bool TryDispatch(GrainCall call)
    {
        // Choosing and enqueueing under one lock: two simultaneous calls must not both pick the same idle worker.
        lock (gate)
        {
            while (true)
            {
                GrainActivation? best = null;
                foreach (var worker in workers)
                {
                    if (best is null || worker.Load < best.Load)
                    {
                        best = worker;
                    }
                }

                if ((best is null || best.Load > 0) && workers.Count < id.Class.MaxLocalWorkers)
                {
                    if (runtime.IsStopping)
                    {
                        return false;
                    }

                    best = new GrainActivation(runtime, id, predecessor: null, this);
                    workers.Add(best);
                    runtime.Track(best);
                }

                if (best!.TryEnqueue(call))
                {
                    return true;
                }

                workers.Remove(best);
            }
        }
    }

    /// <summary>Claims an idle worker for a turn on the caller's thread, or returns null.</summary>
    public GrainActivation? TryClaimIdleWorker()
    {
        lock (gate)
        {
            foreach (var worker in workers)
            {
                if (worker.Load == 0 && worker.TryBeginInlineTurn())
                {
                    return worker;
                }
            }
        }

        return null;
    }

    public void Remove(GrainActivation worker)
    {
        lock (gate)
        {
            workers.Remove(worker);
        }
    }
}
