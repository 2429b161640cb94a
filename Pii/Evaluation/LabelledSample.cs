namespace PiiOrleans.Pii.Evaluation;

/// <summary>A text with its gold entity spans.</summary>
public sealed record LabelledSample(string Text, IReadOnlyList<LabelledSpan> Spans);
