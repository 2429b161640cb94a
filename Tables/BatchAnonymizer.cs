using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;
using PiiOrleans.Pii.Engine;
using PiiOrleans.Tables;

namespace PiiOrleans.Tables;

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

    /// <summary>Returns the anonymized rows of <paramref name="batch"/> in the same order, with statistics (every column).</summary>
    /// <remarks>Pseudonyms are allocated in the order batches reach this call.</remarks>
    public TableBatchResult Process(TableBatch batch)
    {
        var work = new BatchWork(batch, this, null);
        work.ProcessColumns(pseudonymColumns: false);
        work.ProcessColumns(pseudonymColumns: true);
        return work.Result();
    }

    /// <summary>
    /// The first pass, which may run anywhere and in any order: every column except those that allocate pseudonyms,
    /// whose cells stay as they are. <see cref="ProcessPseudonyms"/> finishes the batch.
    /// </summary>
    public TableBatchResult ProcessExceptPseudonyms(TableBatch batch)
    {
        var work = new BatchWork(batch, this, null);
        work.ProcessColumns(pseudonymColumns: false);
        return work.Result();
    }

    /// <summary>
    /// The second pass: the columns that allocate pseudonyms, on top of <paramref name="partial"/> (the first pass of
    /// <paramref name="batch"/>). Run by the job's one pseudonym owner, batch after batch in table order, so the
    /// allocation (collisions, pool suffixes) is the same wherever the first passes ran.
    /// </summary>
    public TableBatchResult ProcessPseudonyms(TableBatch batch, TableBatchResult partial)
    {
        ArgumentNullException.ThrowIfNull(partial);
        if (partial.Rows.Length != batch.Rows.Length)
        {
            throw new ArgumentException("The first pass has a different number of rows than its batch.", nameof(partial));
        }

        var work = new BatchWork(batch, this, partial);
        work.ProcessColumns(pseudonymColumns: true);
        return work.Result();
    }

    /// <summary>True when some column of <paramref name="columns"/> allocates pseudonyms (needs the second pass).</summary>
    public bool HasPseudonymColumns(ImmutableArray<ColumnPlan> columns)
    {
        foreach (var plan in columns)
        {
            if (plan.Treatment != ColumnTreatment.PassThrough && engine.UsesPseudonyms(plan))
            {
                return true;
            }
        }

        return false;
    }

    // One batch in progress: the rows that changed and the counts, filled column by column.
    private sealed class BatchWork
    {
        private readonly TableBatch _batch;
        private readonly BatchAnonymizer _owner;
        private readonly long[] _perColumn;
        private readonly Dictionary<string, long> _entities = new(StringComparer.Ordinal);
        private readonly CellValue[]?[] _changed;
        private readonly List<string> _texts;
        private readonly List<int> _rowOf;

        // Per column: whether anonymizing it allocates pseudonyms (processed in the batch's turn).
        private readonly bool[] _allocates;
        private long _processed;
        private long _anonymized;

        public BatchWork(TableBatch batch, BatchAnonymizer owner, TableBatchResult? firstPass)
        {
            _batch = batch;
            _owner = owner;
            owner.ResetCacheOnNewPlans(batch.Columns);
            _perColumn = new long[batch.Columns.Length];
            _changed = new CellValue[]?[batch.Rows.Length];
            if (firstPass is not null)
            {
                // Continue from the first pass: its changed rows and its counts (it came by message, so compare values).
                for (var r = 0; r < _changed.Length; r++)
                {
                    if (!SameCells(batch.Rows[r].Cells, firstPass.Rows[r].Cells))
                    {
                        _changed[r] = [.. firstPass.Rows[r].Cells];
                    }
                }

                var first = firstPass.Statistics;
                _processed = first.ValuesProcessed;
                _anonymized = first.ValuesAnonymized;
                first.AnonymizedPerColumn.CopyTo(0, _perColumn, 0, Math.Min(_perColumn.Length, first.AnonymizedPerColumn.Length));
                foreach (var (entity, count) in first.EntitiesFound)
                {
                    _entities[entity] = count;
                }
            }

            _texts = new List<string>(batch.Rows.Length);
            _rowOf = new List<int>(batch.Rows.Length);
            _allocates = [.. batch.Columns.Select(c => c.Treatment != ColumnTreatment.PassThrough && owner.UsesPseudonyms(c))];
            HasPseudonymColumns = _allocates.Contains(true);
        }

        public bool HasPseudonymColumns { get; }

        // The columns that allocate pseudonyms (or all the others): each column is one call to the engine.
        public void ProcessColumns(bool pseudonymColumns)
        {
            var columns = _batch.Columns;
            var rowCount = _batch.Rows.Length;
            for (var c = 0; c < columns.Length; c++)
            {
                var plan = columns[c];
                if (plan.Treatment == ColumnTreatment.PassThrough || _allocates[c] != pseudonymColumns)
                {
                    continue;
                }

                _processed += rowCount;
                _texts.Clear();
                _rowOf.Clear();
                for (var r = 0; r < rowCount; r++)
                {
                    var text = TextToAnalyse(_batch.Rows[r].Cells[c], plan);
                    if (text is not null && !string.IsNullOrWhiteSpace(text))
                    {
                        _texts.Add(text);
                        _rowOf.Add(r);
                    }
                }

                var outcomes = _owner.Anonymize(_texts, c, plan);
                for (var k = 0; k < outcomes.Count; k++)
                {
                    Record(c, _rowOf[k], outcomes[k]);
                }
            }
        }

        private void Record(int column, int row, CellOutcome outcome)
        {
            if (!outcome.Anonymized)
            {
                return;
            }

            _anonymized++;
            _perColumn[column]++;
            foreach (var entity in outcome.Entities)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(_entities, entity, out _)++;
            }

            var cell = _batch.Rows[row].Cells[column];
            if (cell.Kind != CellKind.Text || !string.Equals(outcome.Text, cell.Text, StringComparison.Ordinal))
            {
                var cells = _changed[row] ??= [.. _batch.Rows[row].Cells];
                cells[column] = CellValue.FromText(outcome.Text);
            }
        }

        public TableBatchResult Result()
        {
            var rowCount = _batch.Rows.Length;
            var rows = new TableRow[rowCount];
            long rowsAnonymized = 0;
            for (var r = 0; r < rowCount; r++)
            {
                if (_changed[r] is { } cells)
                {
                    rowsAnonymized++;
                    rows[r] = _batch.Rows[r] with { Cells = ImmutableCollectionsMarshal.AsImmutableArray(cells) };
                }
                else
                {
                    rows[r] = _batch.Rows[r];
                }
            }

            var statistics = new BatchStatistics(_processed, _anonymized, rowsAnonymized, _entities.ToImmutableDictionary(),
                ImmutableCollectionsMarshal.AsImmutableArray(_perColumn));
            return new TableBatchResult(_batch.Sequence, ImmutableCollectionsMarshal.AsImmutableArray(rows), statistics);
        }
    }

    private bool UsesPseudonyms(ColumnPlan plan) => engine.UsesPseudonyms(plan);

    private static bool SameCells(ImmutableArray<CellValue> a, ImmutableArray<CellValue> b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (var i = 0; i < a.Length; i++)
        {
            var (x, y) = (a[i], b[i]);
            var same = x.Kind == y.Kind && x.Kind switch
            {
                CellKind.Integer => x.Integer == y.Integer,
                CellKind.Real => BitConverter.DoubleToInt64Bits(x.Real) == BitConverter.DoubleToInt64Bits(y.Real),
                CellKind.Text => string.Equals(x.Text, y.Text, StringComparison.Ordinal),
                CellKind.Blob => x.Blob.AsSpan().SequenceEqual(y.Blob),
                _ => true,
            };
            if (!same)
            {
                return false;
            }
        }

        return true;
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
