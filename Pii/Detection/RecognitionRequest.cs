namespace PiiOrleans.Pii.Detection;

/// <summary>
/// Per-call inputs to recognizers: which entities are wanted (null = all) and, for table cells, the column name
/// (which raises scores like a context word does).
/// </summary>
public sealed record RecognitionRequest(IReadOnlySet<string>? Entities = null, string? ColumnName = null)
{
    /// <summary>
    /// Stops the analysis of a caller that no longer waits (a disconnected or timed-out request): checked between
    /// recognizers and texts, and by the NER model between its chunks; a cancelled analysis throws
    /// <see cref="OperationCanceledException"/>.
    /// </summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>All entities, no column.</summary>
    public static RecognitionRequest Default { get; } = new();

    /// <summary>True when <paramref name="entity"/> is requested.</summary>
    public bool Wants(string entity) => Entities is null || Entities.Contains(entity);
}
