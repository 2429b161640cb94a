using System.Collections.Immutable;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Sqlite;
using PiiOrleans.Tables;

namespace PiiOrleans.Tables;

/// <summary>
/// Copies one table from the input into the prepared output: reads rows in rowid order in batches, dispatches them for
/// anonymization with a bounded number in flight, and writes the results back in the original order with a plain
/// INSERT. PRIMARY KEY/UNIQUE columns whose operator is not injective are planned up front with consistent pseudonyms;
/// should rows still collide, the table's own constraints detect it and the job fails closed (no row is replaced or
/// dropped). Columns that allocate pseudonyms are finished by <c>allocate</c>, batch after batch in table order, so the
/// allocation does not depend on where or in what order the batches were analysed. The output is committed every
/// <see cref="TableWork.RowsPerCommit"/> rows (at batch boundaries), never by time: the file's bytes, its header's change
/// counter included, depend only on the input and the configuration. The logic of <c>TableGrain</c>; single-threaded.
/// </summary>
public sealed class TableCopier : IDisposable
{
    private const int ConstraintError = 19;
    private const int SampleRows = 1000;
    private const int SampleValuesPerColumn = 100;
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    private readonly TableWork _work;
    private readonly ITableCellAnonymizer _engine;
    private readonly Func<TableBatch, Task<TableBatchResult>> _dispatch;
    private readonly Func<TableBatch, TableBatchResult, Task<TableBatchResult>> _allocate;
    private readonly SqliteConnection _input;
    private readonly SqliteConnection _output;
    private readonly TableShape _shape;
    private readonly ImmutableArray<ColumnShape> _columns;
    private readonly bool _selectRowId;
    private readonly Queue<(TableBatch Batch, Task<TableBatchResult> FirstPass)> _inFlight = new();
    private readonly SortedSet<string> _collisionColumns = new(StringComparer.Ordinal);
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();
    private readonly long _rowsTotal;
    private ImmutableArray<ColumnPlan> _plans;
    private SqliteCommand? _select;
    private SqliteDataReader? _reader;
    private RowInserter _insert;
    private SqliteTransaction? _transaction;
    private BatchStatistics _statistics;
    private long _sequence;
    private long _rowsWritten;
    private long _rowsSinceCommit;
    private readonly Dictionary<string, int> _batchesPerSilo = new(StringComparer.Ordinal);
    private bool _allocates;
    private bool _readerDone;
    private bool _done;

    private TableCopier(TableWork work, ITableCellAnonymizer engine, Func<TableBatch, Task<TableBatchResult>> dispatch,
        Func<TableBatch, TableBatchResult, Task<TableBatchResult>> allocate, int outputPageCacheKilobytes)
    {
        _work = work;
        _engine = engine;
        _dispatch = dispatch;
        _allocate = allocate;
        _input = SqliteConnections.OpenInput(work.InputPath);
        try
        {
            _output = SqliteConnections.OpenOutput(work.OutputPath, outputPageCacheKilobytes);
            _shape = DatabaseSchema.ReadTableShape(_input, work.Table);
            _columns = [.. _shape.Columns.Where(c => !c.IsGenerated)];
            _selectRowId = _shape.HasRowId && _shape.IntegerPrimaryKeyOrdinal < 0;
            _rowsTotal = CountRows();
            _plans = PlanColumns();
            _allocates = _plans.Any(p => p.Treatment != ColumnTreatment.PassThrough && engine.UsesPseudonyms(p));
            _statistics = BatchStatistics.Empty(_columns.Length);
            _insert = PrepareInsert();
            OpenReader();
        }
        catch
        {
            _output?.Dispose();
            _input.Dispose();
            throw;
        }
    }

    /// <summary>The current progress.</summary>
    public TableProgress Progress => new(_work.Table, _rowsTotal, _rowsWritten, _done, _plans, [.. _collisionColumns],
        _statistics, _elapsed.Elapsed.TotalSeconds, _batchesPerSilo.Count == 0 ? null : _batchesPerSilo.ToImmutableSortedDictionary(StringComparer.Ordinal));

    /// <summary>
    /// Opens the table described by <paramref name="work"/>; batches go to <paramref name="dispatch"/> (first pass) and,
    /// in table order, to <paramref name="allocate"/> when some column allocates pseudonyms.
    /// <paramref name="outputPageCacheKilobytes"/> bounds the output's SQLite page cache.
    /// </summary>
    public static TableCopier Open(TableWork work, ITableCellAnonymizer engine, Func<TableBatch, Task<TableBatchResult>> dispatch,
        Func<TableBatch, TableBatchResult, Task<TableBatchResult>> allocate, int outputPageCacheKilobytes = SqliteConnections.OutputPageCacheKilobytes)
    {
        try
        {
            return new TableCopier(work, engine, dispatch, allocate, outputPageCacheKilobytes);
        }
        catch (SqliteException ex)
        {
            throw new TablesPipelineException($"Table {SqlIdentifier.Quote(work.Table)}: cannot open it for copying ({ex.Message}). " +
                                              "Check that the input is a readable SQLite database.", ex);
        }
    }

    /// <summary>Copies rows for about one slice of time; returns the progress (<see cref="TableProgress.Done"/> at the end).</summary>
    public async Task<TableProgress> ProcessNextAsync(CancellationToken cancellationToken = default)
    {
        if (_done)
        {
            return Progress;
        }

        var deadline = Stopwatch.GetTimestamp() + (long)(_work.SliceMilliseconds / 1000.0 * Stopwatch.Frequency);
        _transaction ??= _output.BeginTransaction();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            FillInFlight();
            if (_inFlight.Count == 0)
            {
                Commit();
                _done = true;
                DisposeReader();
                return Progress;
            }

            var (batch, firstPass) = _inFlight.Dequeue();
            var result = await firstPass.ConfigureAwait(false);
            if (result.Silo is { } silo)
            {
                _batchesPerSilo[silo] = _batchesPerSilo.GetValueOrDefault(silo) + 1;
            }

            if (_allocates)
            {
                result = await _allocate(batch, result).ConfigureAwait(false);
            }

            Write(result);
            _rowsSinceCommit += result.Rows.Length;
            if (_rowsSinceCommit >= Math.Max(1, _work.RowsPerCommit))
            {
                Commit();
                _transaction = _output.BeginTransaction();
            }

            if (Stopwatch.GetTimestamp() >= deadline)
            {
                // The transaction stays open across slices: commits happen by row count only.
                return Progress;
            }
        }
    }

    private void Commit()
    {
        _transaction!.Commit();
        _transaction.Dispose();
        _transaction = null;
        _rowsSinceCommit = 0;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        DisposeReader();
        _transaction?.Dispose();
        _insert.Dispose();
        _output.Dispose();
        _input.Dispose();
    }

    private long CountRows()
    {
        using var command = _input.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {SqlIdentifier.Quote(_work.Table)}";
        return (long)command.ExecuteScalar()!;
    }

    private ImmutableArray<ColumnPlan> PlanColumns()
    {
        var samples = _columns.Select(_ => new List<string>()).ToArray();
        using (var command = _input.CreateCommand())
        {
            command.CommandText = $"SELECT {ColumnList()} FROM {SqlIdentifier.Quote(_work.Table)} LIMIT {SampleRows}";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                for (var c = 0; c < _columns.Length; c++)
                {
                    if (samples[c].Count < SampleValuesPerColumn && reader.GetValue(c) is string text && text.Length > 0)
                    {
                        samples[c].Add(text);
                    }
                }
            }
        }

        var plans = new ColumnPlan[_columns.Length];
        for (var c = 0; c < _columns.Length; c++)
        {
            var column = _columns[c];
            plans[c] = c == RowIdColumnOrdinal()
                ? new ColumnPlan(c, column.Name, column.DeclaredType, ColumnTreatment.PassThrough, null, 1.0, false)
                : _engine.PlanColumn(_work.Table, c, column, samples[c]) with { Ordinal = c };
        }

        PlanCollisionFreeColumns(plans);
        return [.. plans];
    }

    // Before the first row: a column under a PRIMARY KEY/UNIQUE constraint (alone, composite or a unique index) whose
    // operator can map two values to one output gets consistent pseudonyms when its outputs would collide, so the copy
    // never restarts. Whole-cell operators (masks) are probed on the column's actual values; span replacement in free
    // text is switched without probing (the probe would cost a full analysis pass).
    private void PlanCollisionFreeColumns(ColumnPlan[] plans)
    {
        foreach (var set in _shape.UniqueColumnSets)
        {
            var ordinals = set.Select(IndexOfColumn).ToArray();
            var candidates = ordinals.Where(c => c >= 0 && !plans[c].CollisionFree && !_engine.IsInjective(plans[c])).ToArray();
            if (candidates.Length == 0)
            {
                continue;
            }

            var constraint = string.Join(", ", set);
            string reason;
            if (candidates.Any(c => plans[c].Treatment != ColumnTreatment.WholeCell))
            {
                reason = $"PRIMARY KEY/UNIQUE ({constraint}): span replacement in free text can map distinct values to the same output";
            }
            else if (ordinals.All(c => c >= 0) && OutputsCollide(ordinals, plans))
            {
                reason = $"PRIMARY KEY/UNIQUE ({constraint}): the configured operator maps distinct values of this table to the same output";
            }
            else
            {
                continue;
            }

            foreach (var c in candidates)
            {
                plans[c] = plans[c] with { CollisionFree = true, CollisionFreeReason = reason };
                _collisionColumns.Add(plans[c].Name);
            }
        }
    }

    // Writes the constrained columns' outputs into a scratch table with the same UNIQUE constraint, in a temporary
    // on-disk database (SQLite deletes it on close; its page cache is bounded), and stops at the first duplicate.
    private bool OutputsCollide(int[] ordinals, ColumnPlan[] plans)
    {
        using var probe = new SqliteConnection("Data Source=;Pooling=False");
        probe.Open();
        var names = Enumerable.Range(0, ordinals.Length).Select(i => "c" + i).ToArray();
        using (var create = probe.CreateCommand())
        {
            create.CommandText = $"PRAGMA cache_size=-8192; PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; CREATE TABLE probe ({string.Join(", ", names)}, UNIQUE ({string.Join(", ", names)}))";
            create.ExecuteNonQuery();
        }

        using var transaction = probe.BeginTransaction();
        using var insert = probe.CreateCommand();
        insert.CommandText = $"INSERT INTO probe VALUES ({string.Join(", ", names.Select(n => "$" + n))})";
        var parameters = names.Select(n => insert.Parameters.Add(new SqliteParameter("$" + n, null))).ToArray();
        insert.Prepare();
        using var select = _input.CreateCommand();
        select.CommandText = $"SELECT {string.Join(", ", ordinals.Select(c => SqlIdentifier.Quote(_columns[c].Name)))} FROM {SqlIdentifier.Quote(_work.Table)}";
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            for (var i = 0; i < ordinals.Length; i++)
            {
                var plan = plans[ordinals[i]];
                var value = reader.GetValue(i);
                var text = value switch
                {
                    string s => s,
                    long or double when plan.Treatment == ColumnTreatment.WholeCell => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
                    _ => null,
                };
                parameters[i].Value = plan.Treatment == ColumnTreatment.PassThrough || string.IsNullOrWhiteSpace(text) ? value : _engine.Anonymize(text, plan).Text;
            }

            try
            {
                insert.ExecuteNonQuery();
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode == ConstraintError)
            {
                return true;
            }
        }

        return false;
    }

    private int IndexOfColumn(string name)
    {
        for (var c = 0; c < _columns.Length; c++)
        {
            if (string.Equals(_columns[c].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return c;
            }
        }

        return -1;
    }

    // INTEGER PRIMARY KEY is the rowid itself: a surrogate key that must stay an integer, so it is copied as is.
    private int RowIdColumnOrdinal() =>
        _shape.IntegerPrimaryKeyOrdinal < 0 ? -1 : _columns.IndexOf(_shape.Columns[_shape.IntegerPrimaryKeyOrdinal]);

    private string ColumnList() => string.Join(", ", _columns.Select(c => SqlIdentifier.Quote(c.Name)));

    private RowInserter PrepareInsert()
    {
        var names = _columns.Select(c => SqlIdentifier.Quote(c.Name)).ToList();
        if (_selectRowId)
        {
            names.Insert(0, _shape.RowIdName);
        }

        var placeholders = string.Join(", ", Enumerable.Range(0, names.Count).Select(i => "?" + (i + 1)));
        return new RowInserter(_output, $"INSERT INTO {SqlIdentifier.Quote(_work.Table)} ({string.Join(", ", names)}) VALUES ({placeholders})");
    }

    private void OpenReader()
    {
        _select = _input.CreateCommand();
        var rowId = _selectRowId ? _shape.RowIdName + ", " : "";
        var order = _shape.HasRowId ? " ORDER BY " + (_selectRowId ? _shape.RowIdName : SqlIdentifier.Quote(_columns[RowIdColumnOrdinal()].Name)) : "";
        _select.CommandText = $"SELECT {rowId}{ColumnList()} FROM {SqlIdentifier.Quote(_work.Table)}{order}";
        _reader = _select.ExecuteReader();
        _readerDone = false;
    }

    private void DisposeReader()
    {
        _reader?.Dispose();
        _reader = null;
        _select?.Dispose();
        _select = null;
    }

    private void FillInFlight()
    {
        while (!_readerDone && _inFlight.Count < Math.Max(1, _work.MaxInFlightBatches))
        {
            var rows = ReadRows();
            if (rows.Length == 0)
            {
                _readerDone = true;
                break;
            }

            var batch = new TableBatch(_work.JobId, _work.Table, _sequence++, _plans, rows, _work.Engine);
            _inFlight.Enqueue((batch, _dispatch(batch)));
        }
    }

    private ImmutableArray<TableRow> ReadRows()
    {
        var reader = _reader!;
        var offset = _selectRowId ? 1 : 0;
        var rows = ImmutableArray.CreateBuilder<TableRow>(_work.BatchSize);
        while (rows.Count < _work.BatchSize && reader.Read())
        {
            long? rowId = _selectRowId ? reader.GetInt64(0)
                : _shape.IntegerPrimaryKeyOrdinal >= 0 && !reader.IsDBNull(RowIdColumnOrdinal()) ? reader.GetInt64(RowIdColumnOrdinal()) : null;
            var cells = new CellValue[_columns.Length];
            for (var c = 0; c < cells.Length; c++)
            {
                cells[c] = reader.GetValue(c + offset) switch
                {
                    long integer => CellValue.FromInteger(integer),
                    double real => CellValue.FromReal(real),
                    string text => CellValue.FromText(CheckUtf8(reader, c + offset, text, c, rowId, rows.Count)),
                    byte[] blob => CellValue.FromBlob(blob),
                    _ => CellValue.Null,
                };
            }

            rows.Add(new TableRow(rowId, ImmutableCollectionsMarshal.AsImmutableArray(cells)));
        }

        return rows.Count == rows.Capacity ? rows.MoveToImmutable() : rows.ToImmutable();
    }

    // SQLite does not validate encodings and the decoder replaces bad bytes silently; a U+FFFD is the only cheap hint.
    private string CheckUtf8(SqliteDataReader reader, int ordinal, string text, int column, long? rowId, int rowInBatch)
    {
        if (!text.Contains('\uFFFD', StringComparison.Ordinal))
        {
            return text;
        }

        try
        {
            StrictUtf8.GetString(reader.GetFieldValue<byte[]>(ordinal));
            return text;
        }
        catch (DecoderFallbackException)
        {
            var where = rowId is { } id ? $"rowid {id}" : $"row {_sequence * _work.BatchSize + rowInBatch + 1}";
            throw new TablesPipelineException(
                $"Table {SqlIdentifier.Quote(_work.Table)}, column {SqlIdentifier.Quote(_columns[column].Name)}, {where}: the text is not valid UTF-8. " +
                "Re-encode the database as UTF-8 (or store such values as BLOB) and run again.");
        }
    }

    /// <summary>Writes the rows; a PRIMARY KEY/UNIQUE violation fails the table (never replaced, never dropped).</summary>
    private void Write(TableBatchResult result)
    {
        if (!_work.WriteRows)
        {
            _rowsWritten += result.Rows.Length;
            _statistics = _statistics.Add(result.Statistics);
            return;
        }

        foreach (var row in result.Rows)
        {
            try
            {
                _insert.Insert(_selectRowId ? row.RowId!.Value : null, row.Cells);
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode == ConstraintError && ex.SqliteExtendedErrorCode is 2067 or 1555)
            {
                throw CollisionError(row, ConstraintColumns(ex.Message), ex);
            }
            catch (SqliteException ex)
            {
                throw new TablesPipelineException(
                    $"Table {SqlIdentifier.Quote(_work.Table)}, {Where(row)}: the anonymized row cannot be written ({ConstraintText(ex.Message)}). " +
                    "Relax the constraint or choose an operator whose output satisfies it for this column.", ex);
            }

            _rowsWritten++;
        }

        _statistics = _statistics.Add(result.Statistics);
    }

    private string Where(TableRow row) => row.RowId is { } id ? $"rowid {id}" : $"row {_rowsWritten + 1}";

    // The safety net behind the up-front planning: distinct inputs that still map to one output (or duplicate keys in
    // the input, which SQLite itself would have refused) stop the job; the output is not published.
    private TablesPipelineException CollisionError(TableRow row, string[] columns, SqliteException ex)
    {
        var named = columns.Length > 0 ? string.Join(", ", columns.Select(SqlIdentifier.Quote)) : "an expression index";
        var switched = _plans.Where(p => p.CollisionFree && columns.Contains(p.Name, StringComparer.OrdinalIgnoreCase)).ToList();
        var advice = switched.Count > 0 || _plans.Where(p => columns.Contains(p.Name, StringComparer.OrdinalIgnoreCase)).All(p => p.Treatment == ColumnTreatment.PassThrough)
            ? "Check the input for duplicate keys."
            : "Configure an injective operator (pseudonymize, hash or encrypt) for this column's entity.";
        return new TablesPipelineException(
            $"Table {SqlIdentifier.Quote(_work.Table)}, column {named}, {Where(row)}: anonymized values collide on a PRIMARY KEY/UNIQUE constraint. " +
            $"Nothing was published and no row was replaced or dropped. {advice}", ex);
    }

    private static string ConstraintText(string message)
    {
        var start = message.IndexOf('\'', StringComparison.Ordinal);
        var end = message.LastIndexOf('\'');
        return start >= 0 && end > start ? message[(start + 1)..end] : message;
    }

    private string[] ConstraintColumns(string message)
    {
        const string marker = "constraint failed: ";
        var text = ConstraintText(message);
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return [];
        }

        var prefix = _work.Table + ".";
        return [.. text[(at + marker.Length)..].Split(", ").Select(part => part.StartsWith(prefix, StringComparison.Ordinal) ? part[prefix.Length..] : part)];
    }
}
