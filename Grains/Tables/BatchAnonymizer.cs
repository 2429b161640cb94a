using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;
using PiiOrleans.Grains.Interfaces.Tables;

namespace PiiOrleans.Grains.Tables;

/// <summary>
/// Anonymizes the rows of a batch under its column plans and counts what it found. Identical values of a column are
/// analysed once (a bounded cache per instance; one instance per worker, so no locking).
/// </summary>
public sealed class BatchAnonymizer(ITableCellAnonymizer engine, int cacheCapacity = 20_000)
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);
    private readonly Dictionary<CacheKey, CellOutcome> _cache = new();

    /// <summary>Returns the anonymized rows of <paramref name="batch"/> in the same order, with statistics.</summary>
    public TableBatchResult Process(TableBatch batch)
    {
        var columns = batch.Columns;
        var perColumn = new long[columns.Length];
        var entities = new Dictionary<string, long>(StringComparer.Ordinal);
        long processed = 0, anonymized = 0, rowsAnonymized = 0;
        var rows = new TableRow[batch.Rows.Length];
        Prefetch(batch);
        for (var r = 0; r < rows.Length; r++)
        {
            var row = batch.Rows[r];
            CellValue[]? cells = null;
            for (var c = 0; c < columns.Length; c++)
            {
                var plan = columns[c];
                if (plan.Treatment == ColumnTreatment.PassThrough)
                {
                    continue;
                }

                processed++;
                var cell = row.Cells[c];
                var text = TextToAnalyse(cell, plan);
                if (text is null || string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                var outcome = Anonymize(text, plan);
                if (!outcome.Anonymized)
                {
                    continue;
                }

                anonymized++;
                perColumn[c]++;
                foreach (var entity in outcome.Entities)
                {
                    entities[entity] = entities.GetValueOrDefault(entity) + 1;
                }

                if (cell.Kind != CellKind.Text || !string.Equals(outcome.Text, cell.Text, StringComparison.Ordinal))
                {
                    cells ??= [.. row.Cells];
                    cells[c] = CellValue.FromText(outcome.Text);
                }
            }

            if (cells is null)
            {
                rows[r] = row;
                continue;
            }

            rowsAnonymized++;
            rows[r] = row with { Cells = ImmutableCollectionsMarshal.AsImmutableArray(cells) };
        }

        var statistics = new BatchStatistics(processed, anonymized, rowsAnonymized, entities.ToImmutableDictionary(),
            ImmutableCollectionsMarshal.AsImmutableArray(perColumn));
        return new TableBatchResult(batch.Sequence, ImmutableCollectionsMarshal.AsImmutableArray(rows), statistics);
    }

    // Numbers and BLOBs are data, not text, unless the whole column was classified as one PII entity.
    private static string? TextToAnalyse(CellValue cell, ColumnPlan plan) => cell.Kind switch
    {
        CellKind.Text => cell.Text,
        CellKind.Integer or CellKind.Real when plan.Treatment == ColumnTreatment.WholeCell => cell.AsAnalysableText(),
        CellKind.Blob when plan.Treatment == ColumnTreatment.WholeCell => TryDecode(cell.Blob!),
        _ => null,
    };

    private static string? TryDecode(byte[] blob)
    {
        try
        {
            return StrictUtf8.GetString(blob);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    // Free-text cells of a column are analysed as one batch first: the per-cell calls below then hit the engine cache.
    private void Prefetch(TableBatch batch)
    {
        var columns = batch.Columns;
        for (var c = 0; c < columns.Length; c++)
        {
            var plan = columns[c];
            if (plan.Treatment != ColumnTreatment.FreeText)
            {
                continue;
            }

            var texts = new List<string>(batch.Rows.Length);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var row in batch.Rows)
            {
                var text = TextToAnalyse(row.Cells[c], plan);
                if (text is not null && !string.IsNullOrWhiteSpace(text) && !_cache.ContainsKey(new CacheKey(plan, text)) && seen.Add(text))
                {
                    texts.Add(text);
                }
            }

            engine.Prefetch(texts, plan);
        }
    }

    private CellOutcome Anonymize(string text, ColumnPlan plan)
    {
        var key = new CacheKey(plan, text);
        if (_cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var outcome = engine.Anonymize(text, plan);
        if (_cache.Count >= cacheCapacity)
        {
            // Dropping everything keeps the bound without bookkeeping per entry; values repeat locally in practice.
            _cache.Clear();
        }

        // Very long cells are rarely repeated and would make the cache's memory unbounded.
        if (text.Length <= 4096)
        {
            _cache[key] = outcome;
        }

        return outcome;
    }

    private readonly record struct CacheKey(ColumnPlan Plan, string Text);
}
