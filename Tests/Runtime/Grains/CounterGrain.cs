using PiiOrleans.Runtime;

namespace PiiOrleans.Tests.Runtime.Grains;

/// <summary>A plain, non-reentrant grain with an unsynchronized field: lost updates would show if turns overlapped.</summary>
public sealed class CounterGrain(ActivationLog log) : Grain, ICounterGrain
{
    private int count;
    private int activationNumber;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        activationNumber = log.Activated(GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        log.Deactivated(GetPrimaryKeyString(), reason);
        return Task.CompletedTask;
    }

    public Task Increment()
    {
        count++;
        return Task.CompletedTask;
    }

    public async Task<int> IncrementSlowly()
    {
        var read = count;
        await Task.Yield();
        count = read + 1;
        return count;
    }

    public ValueTask<int> Get() => new(count);

    public ValueTask Reset()
    {
        count = 0;
        return ValueTask.CompletedTask;
    }

    public Task<string> Echo(string text, int times) => Task.FromResult(string.Concat(Enumerable.Repeat(text, times)));

    public Task<int> ActivationNumber() => Task.FromResult(activationNumber);

    public async Task Fail(string message)
    {
        await Task.Yield();
        throw new ArgumentException(message);
    }

    public Task FailSynchronously() => throw new InvalidOperationException("thrown before any await");

    public Task Sleep(TimeSpan duration) => Task.Delay(duration);

    public Task DeactivateAfterThisCall()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
