namespace PiiOrleans.Tables;

/// <summary>
/// What the tables pipeline needs from the PII engine: a per-column decision from the column's name and a sample of its
/// values, anonymization of one cell under that decision, and the privacy re-scan. Implementations are thread-safe.
/// </summary>
public interface ITableCellAnonymizer
{
    /// <summary>Decides how column <paramref name="column"/> (position <paramref name="ordinal"/>) of <paramref name="table"/> is anonymized.</summary>
    ColumnPlan PlanColumn(string table, int ordinal, ColumnShape column, IReadOnlyList<string> sample);

    /// <summary>Anonymizes <paramref name="text"/>, a cell of the column planned as <paramref name="column"/>.</summary>
    CellOutcome Anonymize(string text, ColumnPlan column);

    /// <summary>
    /// Anonymizes a batch's cells of one column together (the NER model runs once per batch instead of once per
    /// cell); the outcomes are in the order of <paramref name="texts"/>.
    /// </summary>
    IReadOnlyList<CellOutcome> AnonymizeMany(IReadOnlyList<string> texts, ColumnPlan column)
    {
        var outcomes = new CellOutcome[texts.Count];
        for (var i = 0; i < outcomes.Length; i++)
        {
            outcomes[i] = Anonymize(texts[i], column);
        }

        return outcomes;
    }

    /// <summary>
    /// True when the column's operator maps distinct values to distinct outputs (keep, hash, encrypt, pseudonymize),
    /// so a PRIMARY KEY/UNIQUE column can keep it; otherwise the copy plans consistent pseudonyms for it up front.
    /// </summary>
    bool IsInjective(ColumnPlan column) => column.Treatment == ColumnTreatment.PassThrough;

    /// <summary>
    /// True when anonymizing the column may allocate pseudonyms (a collision-free column, or a configured
    /// <c>pseudonymize</c> operator): its cells are processed in batch order so allocation is deterministic.
    /// </summary>
    bool UsesPseudonyms(ColumnPlan column) => column.CollisionFree;

    /// <summary>Adds to <paramref name="leaks"/> the entity types that validated, high-confidence recognizers still find in <paramref name="text"/>.</summary>
    void FindLeaks(string text, string columnName, ICollection<string> leaks);

    /// <summary>
    /// Adds <c>PERSON</c> to <paramref name="leaks"/> when the job's own analyzer (its NER model when it has one) still
    /// finds a name in <paramref name="text"/>, a sampled cell of the output. The default finds none.
    /// </summary>
    void FindNameLeaks(string text, string columnName, ICollection<string> leaks)
    {
    }
}
