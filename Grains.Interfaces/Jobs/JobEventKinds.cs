namespace PiiOrleans.Grains.Interfaces.Jobs;

/// <summary>The kinds of <see cref="JobEvent"/>; also the server-sent event names.</summary>
public static class JobEventKinds
{
    public const string Started = "started";
    public const string Progress = "progress";
    public const string Question = "question";
    public const string Warning = "warning";
    public const string Log = "log";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
}
