namespace PiiOrleans.Pii.Anonymization;

/// <summary>How <see cref="AnonymizerEngine"/> treats overlapping spans before rewriting a text.</summary>
public enum ConflictResolution
{
    /// <summary>Overlapping spans merge into their union, typed by the stronger one (<see cref="SpanConflictResolver"/>).</summary>
    MergeOverlaps,

    /// <summary>Presidio's anonymizer rules (<see cref="PresidioConflictResolver"/>), for results a Presidio client sends.</summary>
    Presidio,
}
