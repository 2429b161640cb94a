namespace PiiOrleans.Pii.Evaluation;

/// <summary>A gold entity span (UTF-16 offsets, end exclusive) with its entity type in our vocabulary.</summary>
public readonly record struct LabelledSpan(string EntityType, int Start, int End);
