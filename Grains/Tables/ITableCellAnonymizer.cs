namespace PiiOrleans.Grains.Tables;

/// <summary>
/// What the tables pipeline needs from the PII engine: a per-column decision from the column's name and a sample of its
/// values, anonymization of one cell under that decision, and the privacy re-scan. Implementations are thread-safe.
/// </summary>
public interface ITableCellAnonymizer
{
    /// <summary>Decides how column <paramref name="column"/> (position <paramref name="ordinal"/>) of <paramref name="table"/> is anonymized.</summary>
    Grains.Interfaces.Tables.ColumnPlan PlanColumn(string table, int ordinal, ColumnShape column, IReadOnlyList<string> sample);

    /// <summary>Anonymizes <paramref name="text"/>, a cell of the column planned as <paramref name="column"/>.</summary>
    CellOutcome Anonymize(string text, Grains.Interfaces.Tables.ColumnPlan column);

    /// <summary>
    /// Analyses a batch's free-text cells of one column together (the NER model runs once per batch instead of once
    /// per cell) so the following <see cref="Anonymize"/> calls are served from the engine's cache.
    /// </summary>
    void Prefetch(IReadOnlyList<string> texts, Grains.Interfaces.Tables.ColumnPlan column)
    {
    }

    /// <summary>Adds to <paramref name="leaks"/> the entity types that validated, high-confidence recognizers still find in <paramref name="text"/>.</summary>
    void FindLeaks(string text, string columnName, ICollection<string> leaks);
}
