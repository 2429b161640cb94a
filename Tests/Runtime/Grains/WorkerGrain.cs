using PiiOrleans.Runtime;

namespace PiiOrleans.Tests.Runtime.Grains;

/// <summary>A stateless worker with a pool of two.</summary>
[StatelessWorker(2)]
public sealed class WorkerGrain(ActivationLog log) : Grain, IWorkerGrain
{
    private readonly Guid id = Guid.NewGuid();

    public async Task<Guid> MeetAnother()
    {
        if (Interlocked.Increment(ref log.Inside) == 2)
        {
            log.BothInside.TrySetResult();
        }

        await log.BothInside.Task.WaitAsync(TimeSpan.FromSeconds(5));
        return id;
    }

    public async Task<Guid> Identify(TimeSpan hold)
    {
        await Task.Delay(hold);
        return id;
    }
}
