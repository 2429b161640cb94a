using PiiOrleans.Runtime;

namespace PiiOrleans.Tests.Runtime.Grains;

/// <summary>Takes a while to save its state on deactivation.</summary>
public sealed class SlowDeactivationGrain(ActivationLog log) : Grain, ISlowDeactivationGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        log.Activated(GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        log.Events.Enqueue("saving");
        await Task.Delay(300, cancellationToken);
        log.Events.Enqueue("saved");
    }

    public Task Ping() => Task.CompletedTask;

    public Task DeactivateAfterThisCall()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
