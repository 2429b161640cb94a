namespace PiiOrleans.Tests.Silo.TestJobs;

/// <summary>Completes when the <see cref="WaitingJobRunner"/> of one job sees its cancellation; dispose to stop watching.</summary>
public sealed class RunnerCancellationWatch : IDisposable
{
    private readonly TaskCompletionSource _cancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string _jobId;

    public RunnerCancellationWatch(string jobId)
    {
        _jobId = jobId;
        WaitingJobRunner.Cancelled += OnCancelled;
    }

    /// <summary>Completes when the job's waiting run was cancelled.</summary>
    public Task Cancelled => _cancelled.Task;

    public void Dispose() => WaitingJobRunner.Cancelled -= OnCancelled;

    private void OnCancelled(string jobId)
    {
        if (jobId == _jobId)
        {
            _cancelled.TrySetResult();
        }
    }
}
