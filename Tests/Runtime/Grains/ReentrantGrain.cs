using PiiOrleans.Runtime;

namespace PiiOrleans.Tests.Runtime.Grains;

/// <summary>A reentrant grain: calls interleave at awaits but must never run at the same time.</summary>
[Reentrant]
public sealed class ReentrantGrain : Grain, IReentrantGrain
{
    private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int inside;
    private bool overlapped;

    public Task WaitForRelease() => released.Task;

    public Task Release()
    {
        released.TrySetResult();
        return Task.CompletedTask;
    }

    public async Task<bool> Step(int yields)
    {
        for (var i = 0; i < yields; i++)
        {
            if (++inside > 1)
            {
                overlapped = true;
            }

            Thread.SpinWait(200);
            inside--;
            await Task.Yield();
        }

        return overlapped;
    }

    public async Task<int> CallSelf() => await GrainFactory.GetGrain<IReentrantGrain>(GrainKey).Ping() + 1;

    public Task<int> Ping() => Task.FromResult(41);
}
