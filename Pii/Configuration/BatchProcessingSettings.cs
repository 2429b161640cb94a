namespace PiiOrleans.Pii.Configuration;

/// <summary>The <c>batch_processing</c> section: rows per batch, memory cap and worker parallelism.</summary>
public sealed record BatchProcessingSettings(
    int BatchSize = 1000,
    int MaxMemoryMb = 512,
    bool EnableParallelProcessing = true,
    int NumWorkers = 4)
{
    /// <summary>The built-in defaults.</summary>
    public static BatchProcessingSettings Default { get; } = new();
}
