using PiiOrleans.Pii.Detection;
using PiiOrleans.Pii.Engine;

namespace PiiOrleans.Tables;

/// <summary>
/// The anonymizer's second look at the free-text cells it changed. Masking a name changes its neighbours' context: in
/// "Si***** works for Tillman, Becker and Murazik" the model may call Tillman a person it called part of a firm while
/// Sincere stood there, and once Tillman is masked, Murazik. The privacy re-scan reads the output, so the names it would
/// count as left in clear are masked here too: a few rounds over the cells the previous round changed (unchanged cells
/// read the same as before), until none changes. What is still found after the last round fails the re-scan.
/// </summary>
internal sealed class NameSecondLook(PiiEngine engine, double leakScore)
{
    // How far below the re-scan's score names are masked: the int8 model's scores move slightly with a text's batch
    // (the second look runs batches, the re-scan one cell at a time), and a name the re-scan counts must not be left.
    private const double Margin = 0.05;

    // Rounds; each reads only the cells the previous one changed.
    private const int Rounds = 4;

    private static readonly string[] Names = [EntityTypes.Person];

    /// <summary>Masks, in place, the names found again in the anonymized cells of one column.</summary>
    public void Apply(CellOutcome[] outcomes, string columnName)
    {
        var pending = new List<int>();
        for (var i = 0; i < outcomes.Length; i++)
        {
            if (outcomes[i].Anonymized)
            {
                pending.Add(i);
            }
        }

        for (var round = 0; round < Rounds && pending.Count > 0; round++)
        {
            var texts = pending.Select(i => outcomes[i].Text).ToArray();
            var found = engine.AnalyzeColumnBatch(texts, columnName, Names, leakScore - Margin);
            var next = new List<int>();
            for (var k = 0; k < texts.Length; k++)
            {
                var text = texts[k];
                var names = found[k].Where(h => h.EntityType == EntityTypes.Person && !MaskedWords.Around(text, h.Start, h.Length)).ToList();
                if (names.Count == 0)
                {
                    continue;
                }

                var outcome = outcomes[pending[k]];
                outcomes[pending[k]] = outcome with
                {
                    Text = engine.AnonymizeSpans(text, names).Text,
                    Entities = outcome.Entities.Contains(EntityTypes.Person) ? outcome.Entities : outcome.Entities.Add(EntityTypes.Person),
                };
                next.Add(pending[k]);
            }

            pending = next;
        }
    }
}
