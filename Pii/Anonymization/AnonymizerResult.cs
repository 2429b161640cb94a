using System.Collections.Immutable;

namespace PiiOrleans.Pii.Anonymization;

/// <summary>The anonymized (or deanonymized) text and the spans that were rewritten, in text order.</summary>
public sealed record AnonymizerResult(string Text, ImmutableArray<AnonymizedItem> Items)
{
    /// <summary>True when at least one span was rewritten (even to the same text, as <c>keep</c> does).</summary>
    public bool Changed => Items.Length > 0;
}
