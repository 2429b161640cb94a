namespace PiiOrleans.Runtime.Internal;

/// <summary>A call whose caller awaits a <see cref="Task{T}"/>.</summary>
internal sealed class GrainCall<T>(GrainMethod<T> method, GrainReference target, object?[]? args) : GrainCall(method, target, args)
{
    // Continuations run asynchronously so a caller's code never runs inside the callee's turn.
    private readonly TaskCompletionSource<T> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<T> Task => completion.Task;

    public override bool IsCompleted => completion.Task.IsCompleted;

    public override void SetOutcome(Task finished)
    {
        DisarmTimeout();
        if (finished.IsCompletedSuccessfully)
        {
            completion.TrySetResult(method.HasResult ? ((Task<T>)finished).Result : default!);
        }
        else if (finished.IsFaulted)
        {
            completion.TrySetException(finished.Exception!.InnerExceptions);
        }
        else
        {
            try
            {
                finished.GetAwaiter().GetResult();
                completion.TrySetCanceled();
            }
            catch (OperationCanceledException canceled)
            {
                completion.TrySetCanceled(canceled.CancellationToken);
            }
        }
    }

    public override void SetFailure(Exception exception)
    {
        DisarmTimeout();
        completion.TrySetException(exception);
    }
}
