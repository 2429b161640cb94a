using PiiOrleans.Runtime;

namespace PiiOrleans.Tests.Runtime.Grains;

/// <summary>Fails <see cref="ActivationLog.FailNextActivations"/> activations, then works.</summary>
public sealed class FlakyGrain(ActivationLog log) : Grain, IFlakyGrain
{
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        if (Interlocked.Decrement(ref log.FailNextActivations) >= 0)
        {
            throw new InvalidOperationException("activation failed on purpose");
        }

        log.Activated(GetPrimaryKeyString());
    }

    public Task<string> Ping() => Task.FromResult("pong");
}
