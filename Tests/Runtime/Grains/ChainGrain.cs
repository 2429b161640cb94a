using PiiOrleans.Runtime;

namespace PiiOrleans.Tests.Runtime.Grains;

/// <summary>Non-reentrant grain that calls others and itself to exercise deadlock detection.</summary>
public sealed class ChainGrain(ActivationLog log) : Grain, IChainGrain
{
    public Task<int> Ping() => Task.FromResult(1);

    public async Task<int> CallThrough(string otherKey) => await GrainFactory.GetGrain<IChainGrain>(otherKey).CallBack(GrainKey) + 1;

    public async Task<int> CallBack(string callerKey) => await GrainFactory.GetGrain<IChainGrain>(callerKey).Ping() + 1;

    public async Task<int> CallSelf() => await GrainFactory.GetGrain<IChainGrain>(GrainKey).Ping();

    public async Task<int> CallSelfThroughTaskRun() => await Task.Run(() => GrainFactory.GetGrain<IChainGrain>(GrainKey).Ping());

    public Task StartBackgroundCallThrough(string otherKey)
    {
        var other = GrainFactory.GetGrain<IChainGrain>(otherKey);
        var key = GrainKey;
        log.Background.Enqueue(Task.Run(async () =>
        {
            await Task.Delay(50);
            await other.CallBack(key);
        }));
        return Task.CompletedTask;
    }
}
