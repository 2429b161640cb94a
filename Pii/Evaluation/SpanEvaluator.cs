using PiiOrleans.Pii.Detection;

namespace PiiOrleans.Pii.Evaluation;

/// <summary>Span-level evaluation of a detector against labelled samples (exact-span and overlap matching per entity).</summary>
public static class SpanEvaluator
{
    /// <summary>
    /// Runs <paramref name="analyze"/> on every sample and compares with the gold spans. Only entities in
    /// <paramref name="entities"/> are scored (default: those that occur in the gold labels, since predictions of
    /// entities the dataset never labels cannot be judged).
    /// </summary>
    public static EvaluationReport Evaluate(IEnumerable<LabelledSample> samples, Func<string, IReadOnlyList<RecognizerResult>> analyze,
        IReadOnlySet<string>? entities = null)
    {
        var list = samples as IReadOnlyList<LabelledSample> ?? samples.ToList();
        var scored = entities ?? list.SelectMany(s => s.Spans).Select(s => s.EntityType).ToHashSet(StringComparer.Ordinal);
        var counts = scored.ToDictionary(e => e, _ => new int[4], StringComparer.Ordinal); // gold, predicted, exact, overlap
        foreach (var sample in list)
        {
            var predicted = analyze(sample.Text)
                .Select(r => new LabelledSpan(EntityLabelMap.Map(r.EntityType) ?? r.EntityType, r.Start, r.End))
                .Where(p => scored.Contains(p.EntityType)).ToList();
            var gold = sample.Spans.Where(g => scored.Contains(g.EntityType)).ToList();
            foreach (var g in gold) counts[g.EntityType][0]++;
            foreach (var p in predicted) counts[p.EntityType][1]++;
            foreach (var p in predicted) if (gold.Contains(p)) counts[p.EntityType][2]++;
            var usedGold = new bool[gold.Count];
            foreach (var p in predicted)
            {
                for (int i = 0; i < gold.Count; i++)
                {
                    var g = gold[i];
                    if (usedGold[i] || g.EntityType != p.EntityType || g.End <= p.Start || p.End <= g.Start) continue;
                    usedGold[i] = true;
                    counts[p.EntityType][3]++;
                    break;
                }
            }
        }
        var metrics = counts.OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new EntityMetrics(c.Key, c.Value[0], c.Value[1], c.Value[2], c.Value[3])).ToList();
        return new EvaluationReport(list.Count, metrics);
    }
}
