using PiiOrleans.Grains.Interfaces.Jobs;

namespace PiiOrleans.Client.Connection;

/// <summary>
/// What the client does with a silo's jobs, whatever the link: Orleans grain calls (embedded silo, <c>--gateway</c>)
/// or the silo's HTTP API (<c>--silo URL</c>).
/// </summary>
public interface IJobConnection : IDisposable
{
    /// <summary>Where the jobs live, for messages (a URL or a gateway address).</summary>
    string Describe { get; }

    /// <summary>True when the silo answers.</summary>
    Task<bool> IsHealthyAsync(CancellationToken cancellationToken);

    /// <summary>Submits a job and returns its id; <see cref="JobParameterException"/> (or a 400) for bad parameters.</summary>
    Task<JobSubmitted> SubmitAsync(JobSubmission submission, CancellationToken cancellationToken);

    /// <summary>The job's status; <see cref="JobNotFoundException"/> when there is no such job.</summary>
    Task<JobStatus> GetStatusAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>The most recent jobs, newest first.</summary>
    Task<IReadOnlyList<JobStatus>> ListJobsAsync(CancellationToken cancellationToken);

    /// <summary>The job types the silo can run.</summary>
    Task<IReadOnlyList<JobTypeInfo>> GetJobTypesAsync(CancellationToken cancellationToken);

    /// <summary>Answers the job's questions.</summary>
    Task AnswerAsync(string jobId, IReadOnlyList<JobAnswer> answers, CancellationToken cancellationToken);

    /// <summary>Asks the silo to cancel the job.</summary>
    Task CancelAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>The job's events after <paramref name="afterSequence"/>, as they happen, until its final event.</summary>
    IAsyncEnumerable<JobEvent> StreamEventsAsync(string jobId, long afterSequence, CancellationToken cancellationToken);
}
