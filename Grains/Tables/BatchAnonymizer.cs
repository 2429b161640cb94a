using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;
using PiiOrleans.Grains.Interfaces.Tables;
using PiiOrleans.Pii.Engine;

namespace PiiOrleans.Grains.Tables;

/// <summary>
/// Anonymizes the rows of a batch under its column plans and counts what it found. Each column is processed as one
/// call to the engine (free text is analysed as a batch); identical whole-cell values are operated on once (a bounded
/// two-generation cache per instance; one instance per worker, so no locking). A column whose values do not repeat is
/// not cached (<see cref="CacheAdmission"/>).
/// </summary>
public sealed class BatchAnonymizer(ITableCellAnonymizer engine, int cacheCapacity = 4096)
{
    private const int MaxCachedLength = 4096;
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);
    private readonly TwoGenerationCache<(int Column, string Text), CellOutcome> _cache = new(cacheCapacity);
    private ColumnPlan[]? _cachedPlans;
    private CacheAdmission[] _admissions = [];

    /// <summary>Returns the anonymized rows of <paramref name="batch"/> in the same order, with statistics.</summary>
    public TableBatchResult Process(TableBatch batch)
    {
        var columns = batch.Columns;
        ResetCacheOnNewPlans(columns);
        var perColumn = new long[columns.Length];
        var entities = new Dictionary<string, long>(StringComparer.Ordinal);
        long processed = 0, anonymized = 0, rowsAnonymized = 0;
        var rowCount = batch.Rows.Length;

        // Cells of the output, allocated per row only when the row changes.
        var changed = new CellValue[]?[rowCount];
        var texts = new List<string>(rowCount);
        var rowOf = new List<int>(rowCount);
        for (var c = 0; c < columns.Length; c++)
        {
            var plan = columns[c];
            if (plan.Treatment == ColumnTreatment.PassThrough)
            {
                continue;
            }

            processed += rowCount;
            texts.Clear();
            rowOf.Clear();
            for (var r = 0; r < rowCount; r++)
            {
                var text = TextToAnalyse(batch.Rows[r].Cells[c], plan);
                if (text is not null && !string.IsNullOrWhiteSpace(text))
                {
                    texts.Add(text);
                    rowOf.Add(r);
                }
            }

            var outcomes = Anonymize(texts, c, plan);
            for (var k = 0; k < outcomes.Count; k++)
            {
                var outcome = outcomes[k];
                if (!outcome.Anonymized)
                {
                    continue;
                }

                anonymized++;
                perColumn[c]++;
                foreach (var entity in outcome.Entities)
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(entities, entity, out _)++;
                }

                var r = rowOf[k];
                var cell = batch.Rows[r].Cells[c];
                if (cell.Kind != CellKind.Text || !string.Equals(outcome.Text, cell.Text, StringComparison.Ordinal))
                {
                    var cells = changed[r] ??= [.. batch.Rows[r].Cells];
                    cells[c] = CellValue.FromText(outcome.Text);
                }
            }
        }

        var rows = new TableRow[rowCount];
        for (var r = 0; r < rowCount; r++)
        {
            if (changed[r] is { } cells)
            {
                rowsAnonymized++;
                rows[r] = batch.Rows[r] with { Cells = ImmutableCollectionsMarshal.AsImmutableArray(cells) };
            }
            else
            {
                rows[r] = batch.Rows[r];
            }
        }

        var statistics = new BatchStatistics(processed, anonymized, rowsAnonymized, entities.ToImmutableDictionary(),
            ImmutableCollectionsMarshal.AsImmutableArray(perColumn));
        return new TableBatchResult(batch.Sequence, ImmutableCollectionsMarshal.AsImmutableArray(rows), statistics);
    }

    // Cache keys are column positions: they are only meaningful under one table's plans.
    private void ResetCacheOnNewPlans(ImmutableArray<ColumnPlan> columns)
    {
        var plans = ImmutableCollectionsMarshal.AsArray(columns);
        if (!ReferenceEquals(plans, _cachedPlans) && (_cachedPlans is null || !plans.AsSpan().SequenceEqual(_cachedPlans)))
        {
            _cache.Clear();
            _admissions = [.. columns.Select(_ => new CacheAdmission())];
        }

        _cachedPlans = plans;
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

    private IReadOnlyList<CellOutcome> Anonymize(List<string> texts, int column, ColumnPlan plan)
    {
        // Free text is mostly unique and the engine caches repeated texts itself: one batch call, no local cache.
        if (plan.Treatment == ColumnTreatment.FreeText)
        {
            return texts.Count == 0 ? [] : engine.AnonymizeMany(texts, plan);
        }

        var outcomes = new CellOutcome[texts.Count];
        var admission = _admissions[column];
        for (var i = 0; i < outcomes.Length; i++)
        {
            var text = texts[i];

            // Very long cells are rarely repeated and would make the cache's memory unbounded.
            if (text.Length > MaxCachedLength || !admission.Admit())
            {
                outcomes[i] = engine.Anonymize(text, plan);
                continue;
            }

            var key = (column, text);
            var hit = _cache.TryGetValue(key, out outcomes[i]);
            admission.Record(hit);
            if (!hit)
            {
                outcomes[i] = engine.Anonymize(text, plan);
                _cache.Add(key, outcomes[i]);
            }
        }

        return outcomes;
    }
}
