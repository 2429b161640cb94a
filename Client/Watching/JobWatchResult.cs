using PiiOrleans.Grains.Interfaces.Jobs;

namespace PiiOrleans.Client.Watching;

/// <summary>How watching a job ended: the process exit code and the job's last known status.</summary>
public sealed record JobWatchResult(int ExitCode, JobStatus? Status);
