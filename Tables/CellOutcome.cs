using System.Collections.Immutable;

namespace PiiOrleans.Tables;

/// <summary>The result of anonymizing one cell: the new text, whether any entity was found, and the entity types found.</summary>
public readonly record struct CellOutcome(string Text, bool Anonymized, ImmutableArray<string> Entities)
{
    /// <summary>The cell had nothing to anonymize.</summary>
    public static CellOutcome Unchanged(string text) => new(text, false, []);
}
